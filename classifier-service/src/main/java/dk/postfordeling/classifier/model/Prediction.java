package dk.postfordeling.classifier.model;

import dk.postfordeling.contracts.ExplainingPhrase;
import dk.postfordeling.contracts.LabelScore;
import java.util.List;

/**
 * The model's view of one text.
 *
 * @param ranked          every label with its probability, most probable first
 * @param words           number of word tokens in the text
 * @param knownWordShare  share of those words that occurred in the training data (0 when there are none)
 * @param phrases         phrases that pushed most toward the top label, strongest first
 * @param modelVersion    the model that predicted
 * @param labelThreshold  the model's own routing threshold for the top label (chosen by cross-validation
 *                        to meet the target precision); {@code null} when the label had too little
 *                        data to estimate one; NaN when the model has no per-label thresholds (release 1)
 * @param characteristicWords label → the text's words that are characteristic of that label in the
 *                        training data (only labels with such words); {@code null} when the model does
 *                        not know characteristic words (release 1)
 * @param ownWordsExpected whether the top label's mail is expected to carry one of its characteristic
 *                        words (see {@link ModelMetadata#expectsOwnWords})
 * @param meaningShare    when the cascade's second stage decided: the share (0–1) of its decision that
 *                        came from the sentence's meaning (the pretrained encoder) rather than its words;
 *                        {@code null} when the words alone decided
 */
public record Prediction(
        List<LabelScore> ranked,
        int words,
        double knownWordShare,
        List<ExplainingPhrase> phrases,
        String modelVersion,
        Double labelThreshold,
        java.util.Map<String, List<String>> characteristicWords,
        boolean ownWordsExpected,
        Double meaningShare) {

    public LabelScore top() {
        return ranked.get(0);
    }

    public List<LabelScore> topK(int k) {
        return ranked.subList(0, Math.min(k, ranked.size()));
    }
}
