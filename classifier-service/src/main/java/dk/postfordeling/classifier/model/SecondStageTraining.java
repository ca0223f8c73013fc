package dk.postfordeling.classifier.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training of the cascade's second stage: a sentence embedding of every training text next to the
 * words' out-of-fold probabilities, cross-validated on the words' folds, with thresholds of its own.
 */
final class SecondStageTraining {

    private SecondStageTraining() {
    }

    /** @param cascade what both stages together routed of the out-of-fold mail */
    record SecondStage(MeaningStage stage, ModelMetadata.Meaning meaning, Map<String, Double> evaluation,
            ModelMetadata.RoutingExpectation cascade) {
    }

    /**
     * The cascade's second stage: every training text's sentence embedding next to the first stage's
     * out-of-fold probabilities, cross-validated on the same folds. Its thresholds are chosen on the
     * out-of-fold mail the first stage does not route alone, so each stage keeps the target on the
     * mail it routes, and the two together do too.
     */
    static SecondStage secondStage(Embedded embedded, int[] targets, List<String> labels, CrossValidation.CrossValidated cv,
            double temperature, int[] predicted, double[] confidence, Map<String, Double> thresholds, boolean[] expectsOwnWords,
            TrainingOptions options) {
        int n = targets.length;
        float[][] inputs = new float[n][];
        for (int i = 0; i < n; i++) {
            inputs[i] = MeaningStage.input(embedded.embeddings()[i], Calibration.softmax(cv.scores().get(i), temperature));
        }
        ModelMetadata.Meaning meaning = embedded.meaning();
        float[][] stageScores = new float[n][];
        CrossValidation.inParallel(cv.folds(), f -> {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (cv.fold()[i] != f) {
                    train.add(i);
                }
            }
            MeaningStage stage = MeaningStage.train(train.stream().map(i -> inputs[i]).toArray(float[][]::new),
                    train.stream().mapToInt(i -> targets[i]).toArray(), labels.size(), meaning.dimension(), options.seed() + f + 1);
            for (int i = 0; i < n; i++) {
                if (cv.fold()[i] == f) {
                    stageScores[i] = stage.scores(inputs[i]);
                }
            }
        });
        double stageTemperature = Calibration.fitTemperature(List.of(stageScores), targets);
        List<Integer> leftToIt = new ArrayList<>();
        int cascadeCorrect = 0;
        int consulted = 0;
        int[] stagePredicted = new int[n];
        double[] stageConfidence = new double[n];
        // What the cascade predicts for each mail, and (for now) what the words route alone.
        int[] cascadePredicted = predicted.clone();
        double[] cascadeConfidence = confidence.clone();
        boolean[] routed = new boolean[n];
        for (int i = 0; i < n; i++) {
            double[] p = Calibration.softmax(stageScores[i], stageTemperature);
            stagePredicted[i] = ModelTrainer.argmax(p);
            stageConfidence[i] = p[stagePredicted[i]];
            Double gate = thresholds.get(labels.get(predicted[i]));
            if (gate != null && confidence[i] >= gate) {
                routed[i] = cv.routable(i, predicted[i], expectsOwnWords);
            } else {
                consulted++;
                cascadePredicted[i] = stagePredicted[i];
                cascadeConfidence[i] = stageConfidence[i];
                if (cv.routable(i, stagePredicted[i], expectsOwnWords)) {
                    leftToIt.add(i);
                }
            }
            cascadeCorrect += cascadePredicted[i] == targets[i] ? 1 : 0;
        }
        RoutingThresholds.Routed byWords = new RoutingThresholds.Routed(new int[labels.size()], new int[labels.size()]);
        for (int i = 0; i < n; i++) {
            if (routed[i]) {
                byWords.perLabel()[predicted[i]]++;
                byWords.rightPerLabel()[predicted[i]] += predicted[i] == targets[i] ? 1 : 0;
            }
        }
        RoutingThresholds.Choice choice = RoutingThresholds.choose(labels,
                leftToIt.stream().mapToInt(i -> stagePredicted[i]).toArray(),
                leftToIt.stream().mapToDouble(i -> stageConfidence[i]).toArray(),
                leftToIt.stream().mapToInt(i -> targets[i]).toArray(), options.targetPrecision(), options.priorStrength(), byWords);
        for (int i : leftToIt) {
            Double threshold = choice.thresholds().get(labels.get(stagePredicted[i]));
            routed[i] = threshold != null && stageConfidence[i] >= threshold;
        }
        ModelMetadata.RoutingExpectation cascade = RoutingThresholds.expectation(labels, cascadePredicted, cascadeConfidence,
                routed, targets, options.targetPrecision());
        MeaningStage stage = MeaningStage.train(inputs, targets, labels.size(), meaning.dimension(), options.seed());
        Map<String, Double> evaluation = new LinkedHashMap<>();
        evaluation.put("crossValidatedCascadeAccuracy", ModelTrainer.round((double) cascadeCorrect / n));
        evaluation.put("crossValidatedSecondStageShare", ModelTrainer.round((double) consulted / n));
        evaluation.put("crossValidatedSecondStageRoutedShare", ModelTrainer.round((double) choice.expectation().routed() / n));
        evaluation.put("crossValidatedSecondStageRoutedPrecision", ModelTrainer.round(choice.expectation().precision()));
        return new SecondStage(stage, new ModelMetadata.Meaning(meaning.encoder(), meaning.spec(), meaning.dimension(),
                stageTemperature, choice.thresholds(), choice.expectation()), evaluation, cascade);
    }

    /** Every training text's sentence embedding, and the encoder that made them. */
    record Embedded(float[][] embeddings, ModelMetadata.Meaning meaning) {
    }

    static Embedded embed(List<LabelledText> examples, String encoderLocation) throws IOException {
        try (dk.postfordeling.classifier.encoder.SentenceEncoder encoder =
                dk.postfordeling.classifier.encoder.SentenceEncoder.open(encoderLocation)) {
            float[][] embeddings = new float[examples.size()][];
            for (int i = 0; i < embeddings.length; i++) {
                embeddings[i] = encoder.embed(examples.get(i).text());
            }
            return new Embedded(embeddings, new ModelMetadata.Meaning(encoderLocation, encoder.spec(), encoder.dimension(), 1.0, null, null));
        }
    }
}
