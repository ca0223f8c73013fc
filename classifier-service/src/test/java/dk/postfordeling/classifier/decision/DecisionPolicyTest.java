package dk.postfordeling.classifier.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.classifier.ClassifierProperties;
import dk.postfordeling.classifier.model.Prediction;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.LabelScore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionPolicyTest {

    private final DecisionPolicy policy = new DecisionPolicy(new ClassifierProperties(Path.of("m"), 0.8, 0.5, 3, false, 2000, "none", java.time.Duration.ofSeconds(5)));

    @Test
    void routesAConfidentPredictionOnFamiliarText() {
        var outcome = policy.decide(prediction(0.93, 0.9), ExtractionStatus.EXTRACTED);

        assertThat(outcome.decision()).isEqualTo(Decision.ROUTE);
        assertThat(outcome.reasons()).extracting(DecisionReason::code).containsExactly("CONFIDENT");
        assertThat(outcome.reasons().get(0).text()).contains("93 %", "parkering", "80 %");
    }

    @Test
    void sendsAnUnsurePredictionToAPerson() {
        var outcome = policy.decide(prediction(0.62, 0.9), ExtractionStatus.EXTRACTED);

        assertThat(outcome.decision()).isEqualTo(Decision.REVIEW);
        assertThat(outcome.reasons()).extracting(DecisionReason::code).containsExactly("LOW_CONFIDENCE");
    }

    @Test
    void sendsUnfamiliarTextToAPersonEvenWhenTheModelIsSure() {
        var outcome = policy.decide(prediction(0.97, 0.2), ExtractionStatus.EXTRACTED);

        assertThat(outcome.decision()).isEqualTo(Decision.REVIEW);
        assertThat(outcome.reasons()).extracting(DecisionReason::code).containsExactly("UNFAMILIAR_TEXT");
    }

    @Test
    void sendsPartlyReadMailToAPerson() {
        var outcome = policy.decide(prediction(0.97, 0.9), ExtractionStatus.PARTIAL);

        assertThat(outcome.decision()).isEqualTo(Decision.REVIEW);
        assertThat(outcome.reasons()).extracting(DecisionReason::code).containsExactly("PARTIAL_EXTRACTION");
    }

    @Test
    void theThresholdItselfRoutes() {
        assertThat(policy.decide(prediction(0.80, 0.9), ExtractionStatus.EXTRACTED).decision()).isEqualTo(Decision.ROUTE);
    }

    @Test
    void usesTheModelsOwnThresholdForTheLabel() {
        assertThat(policy.decide(prediction(0.70, 0.9, 0.65), ExtractionStatus.EXTRACTED).decision()).isEqualTo(Decision.ROUTE);
        var strict = policy.decide(prediction(0.93, 0.9, 0.971), ExtractionStatus.EXTRACTED);
        assertThat(strict.decision()).isEqualTo(Decision.REVIEW);
        assertThat(strict.reasons().get(0).text()).contains("93 %", "98 %");
    }

    @Test
    void aLabelWithTooLittleDataAlwaysGoesToAPerson() {
        var outcome = policy.decide(prediction(0.999, 0.9, null), ExtractionStatus.EXTRACTED);

        assertThat(outcome.decision()).isEqualTo(Decision.REVIEW);
        assertThat(outcome.reasons()).extracting(DecisionReason::code).containsExactly("LABEL_WITHOUT_THRESHOLD");
    }

    private static Prediction prediction(double top, double known) {
        return prediction(top, known, Double.NaN);
    }

    private static Prediction prediction(double top, double known, Double labelThreshold) {
        return prediction(top, known, labelThreshold, java.util.Map.of("parkering", List.of("parkeringsafgift")));
    }

    private static Prediction prediction(double top, double known, Double labelThreshold,
            java.util.Map<String, List<String>> characteristic) {
        return new Prediction(List.of(new LabelScore("parkering", top), new LabelScore("affald", 1 - top)),
                12, known, List.of(), "m-1", labelThreshold, characteristic, true, null);
    }

    @Test
    void whenTheSentenceMeaningDecidedTheReasonsSayHowMuchOfTheDecisionItWas() {
        Prediction byMeaning = new Prediction(List.of(new LabelScore("parkering", 0.97), new LabelScore("affald", 0.03)),
                12, 1.0, List.of(), "m-1", 0.90, java.util.Map.of("parkering", List.of("parkeringsafgift")), true, 0.62);

        DecisionPolicy.Outcome outcome = policy.decide(byMeaning, ExtractionStatus.EXTRACTED);

        assertThat(outcome.decision()).isEqualTo(Decision.ROUTE);
        assertThat(outcome.reasons()).extracting(DecisionReason::code).containsExactly("CONFIDENT", "SENTENCE_MEANING");
        assertThat(outcome.reasons().get(1).text()).contains("sætningens betydning stod for 62 % af afgørelsen, ordene for 38 %");
    }

    @Test
    void aConfidentPredictionOnTextWithoutAnyCharacteristicWordGoesToReview() {
        DecisionPolicy.Outcome outcome = policy.decide(prediction(0.99, 1.0, 0.90, java.util.Map.of()), ExtractionStatus.EXTRACTED);

        assertThat(outcome.decision()).isEqualTo(Decision.REVIEW);
        assertThat(outcome.reasons()).extracting(DecisionReason::code).containsExactly("NO_CHARACTERISTIC_WORDS");
    }

    /** A topic no mailbox covers: its words point to another label, not to the one predicted. */
    @Test
    void aConfidentPredictionWhoseWordsPointOnlyToOtherLabelsGoesToReview() {
        DecisionPolicy.Outcome outcome = policy.decide(prediction(0.99, 1.0, 0.90, java.util.Map.of("affald", List.of("skraldespand"))),
                ExtractionStatus.EXTRACTED);

        assertThat(outcome.decision()).isEqualTo(Decision.REVIEW);
        assertThat(outcome.reasons()).extracting(DecisionReason::code).containsExactly("NO_WORDS_FOR_LABEL");
        assertThat(outcome.reasons().get(0).text()).contains("Ingen ord i posten er kendetegnende for parkering");

        Prediction sharedWords = new Prediction(List.of(new LabelScore("parkering", 0.99), new LabelScore("affald", 0.01)),
                12, 1.0, List.of(), "m-1", 0.90, java.util.Map.of("affald", List.of("skraldespand")), false, null);
        assertThat(policy.decide(sharedWords, ExtractionStatus.EXTRACTED).decision())
                .as("a label whose mail seldom has words of its own is not held to it").isEqualTo(Decision.ROUTE);
    }

    @Test
    void aRoutedDecisionNamesTheWordsThatPointToItsLabel() {
        DecisionPolicy.Outcome outcome = policy.decide(prediction(0.99, 1.0, 0.90), ExtractionStatus.EXTRACTED);

        assertThat(outcome.decision()).isEqualTo(Decision.ROUTE);
        assertThat(outcome.reasons().get(0).text()).contains("parkeringsafgift");
    }

    @Test
    void aReleaseOneModelWithoutCharacteristicWordsIsJudgedOnConfidenceAlone() {
        DecisionPolicy.Outcome outcome = policy.decide(prediction(0.99, 1.0, Double.NaN, null), ExtractionStatus.EXTRACTED);

        assertThat(outcome.decision()).isEqualTo(Decision.ROUTE);
    }
}
