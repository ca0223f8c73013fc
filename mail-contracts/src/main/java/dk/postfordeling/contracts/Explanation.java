package dk.postfordeling.contracts;

import java.util.List;

/**
 * Why the model preferred a label.
 *
 * @param label    the explained label (the top prediction)
 * @param phrases  phrases that pushed most toward it, strongest first
 * @param summary  one sentence in Danish that staff can read aloud
 */
public record Explanation(String label, List<ExplainingPhrase> phrases, String summary) {

    public Explanation {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
    }
}
