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
        } else if (prediction.words() > 0 && prediction.characteristicWords() != null && prediction.ownWordsExpected()
                && !prediction.characteristicWords().containsKey(label)) {
            // Mail about a topic no mailbox covers is often pressed into the nearest one with high
            // confidence; its words then point elsewhere or nowhere in particular.
            review.add(new DecisionReason("NO_WORDS_FOR_LABEL", String.format(Locale.ROOT,
                    "Ingen ord i posten er kendetegnende for %s; posten kan handle om noget, der ikke har sin egen postkasse, og ses af en medarbejder.",
                    label)));
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
            meaning(prediction).ifPresent(review::add);
            return new Outcome(Decision.REVIEW, List.copyOf(review));
        }
        List<String> pointing = prediction.characteristicWords() == null ? List.of()
                : prediction.characteristicWords().getOrDefault(label, List.of());
        String pointers = pointing.isEmpty() ? "" : " Ord i posten, der peger på " + label + ": " + String.join(", ", pointing) + ".";
        List<DecisionReason> route = new ArrayList<>();
        route.add(new DecisionReason("CONFIDENT", String.format(Locale.ROOT,
                "Modellen er %d %% sikker på %s, over tærsklen på %d %%.",
                percent(confidence), label, percentUp(threshold)) + pointers));
        meaning(prediction).ifPresent(route::add);
        return new Outcome(Decision.ROUTE, List.copyOf(route));
    }

    /**
     * When the cascade's second stage decided: how much of the decision came from the sentence's
     * meaning (the pretrained language model) and how much from its words, which the phrases explain.
     */
    private static java.util.Optional<DecisionReason> meaning(Prediction prediction) {
        if (prediction.meaningShare() == null) {
            return java.util.Optional.empty();
        }
        long meaning = Math.round(prediction.meaningShare() * 100);
        return java.util.Optional.of(new DecisionReason("SENTENCE_MEANING", String.format(Locale.ROOT,
                "Ordene alene var ikke sikre nok, så sætningens betydning blev også vurderet (en forudtrænet sprogmodel): "
                        + "sætningens betydning stod for %d %% af afgørelsen, ordene for %d %%.", meaning, 100 - meaning)));
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
