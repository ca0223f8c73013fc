package dk.postfordeling.classifier.decision;

import dk.postfordeling.classifier.ClassifierProperties;
import dk.postfordeling.classifier.model.Prediction;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.ExtractionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a prediction is sure enough to route without a person (GDPR art. 22: only above
 * a confidence bar; everything else to a person). Every decision carries its reasons in Danish.
 */
public final class DecisionPolicy {

    private final ClassifierProperties properties;

    public DecisionPolicy(ClassifierProperties properties) {
        this.properties = properties;
    }

    public Outcome decide(Prediction prediction, ExtractionStatus extraction) {
        List<DecisionReason> review = new ArrayList<>();
        if (extraction == ExtractionStatus.REJECTED) {
            review.add(new DecisionReason("EXTRACTION_FAILED", "Posten kunne ikke læses maskinelt og skal ses af en medarbejder."));
        } else if (extraction == ExtractionStatus.PARTIAL) {
            review.add(new DecisionReason("PARTIAL_EXTRACTION", "Dele af posten kunne ikke læses maskinelt."));
        }
        if (prediction.words() == 0) {
            review.add(new DecisionReason("NO_TEXT", "Posten indeholder ingen tekst at fordele efter."));
        } else if (prediction.knownWordShare() < properties.minKnownWordShare()) {
            review.add(new DecisionReason("UNFAMILIAR_TEXT", String.format(Locale.ROOT,
                    "Kun %d %% af ordene kendes fra træningsdata; teksten ligner ikke det, modellen er trænet på.",
                    Math.round(prediction.knownWordShare() * 100))));
        }
        double confidence = prediction.top().probability();
        String label = prediction.top().label();
        Double threshold = threshold(prediction);
        if (prediction.words() > 0 && prediction.characteristicWords() != null && prediction.characteristicWords().isEmpty()) {
            review.add(new DecisionReason("NO_CHARACTERISTIC_WORDS",
                    "Ingen ord i posten er kendetegnende for en bestemt postkasse i træningsdata; teksten er for generel til at fordele uden en medarbejder."));
        }
        if (threshold == null) {
            review.add(new DecisionReason("LABEL_WITHOUT_THRESHOLD", String.format(Locale.ROOT,
                    "Der er for få eksempler på %s i træningsdata til at vide, hvornår modellen kan stoles på; en medarbejder afgør det.",
                    label)));
        } else if (confidence < threshold) {
            review.add(new DecisionReason("LOW_CONFIDENCE", String.format(Locale.ROOT,
                    "Modellen er kun %d %% sikker på %s, under tærsklen på %d %%.",
                    percent(confidence), label, percentUp(threshold))));
        }
        if (!review.isEmpty()) {
            return new Outcome(Decision.REVIEW, List.copyOf(review));
        }
        List<String> pointing = prediction.characteristicWords() == null ? List.of()
                : prediction.characteristicWords().getOrDefault(label, List.of());
        String pointers = pointing.isEmpty() ? "" : " Ord i posten, der peger på " + label + ": " + String.join(", ", pointing) + ".";
        return new Outcome(Decision.ROUTE, List.of(new DecisionReason("CONFIDENT", String.format(Locale.ROOT,
                "Modellen er %d %% sikker på %s, over tærsklen på %d %%.",
                percent(confidence), label, percentUp(threshold)) + pointers)));
    }

    /**
     * The model's own threshold for the label (chosen by cross-validation for the target precision),
     * or the configured one for a model without per-label thresholds; {@code null}: always review.
     */
    private Double threshold(Prediction prediction) {
        Double own = prediction.labelThreshold();
        if (own != null && own.isNaN()) {
            return properties.routeThreshold();
        }
        return own;
    }

    private static long percentUp(double probability) {
        return dk.postfordeling.platform.text.Percent.threshold(probability);
    }

    private static long percent(double probability) {
        return dk.postfordeling.platform.text.Percent.confidence(probability);
    }

    /** A decision and why. */
    public record Outcome(Decision decision, List<DecisionReason> reasons) {
    }
}
