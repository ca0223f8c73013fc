package dk.postfordeling.classifier.model;

import ai.djl.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The words model's cross-validation on the training data: stratified folds, each example scored by
 * a model that did not see it. These out-of-fold scores decide calibration, thresholds and the
 * expected routing, so no test data is needed to decide how sure is sure enough.
 */
final class CrossValidation {

    private CrossValidation() {
    }

    /**
     * @param pointsTo per example, the labels its words are characteristic of in its fold's training
     *                 data: the decision policy routes a mail only to such a label, so thresholds are
     *                 chosen on the examples that could be routed at all
     */
    record CrossValidated(List<float[]> scores, int[] fold, int folds, List<java.util.Set<Integer>> pointsTo) {

        /** As the decision policy judges it: some characteristic word, and one of the label's if it expects them. */
        boolean routable(int example, int label, boolean[] expectsOwnWords) {
            java.util.Set<Integer> points = pointsTo.get(example);
            return !points.isEmpty() && (!expectsOwnWords[label] || points.contains(label));
        }
    }

    /** Per label, the share of its rightly predicted out-of-fold mail that has a word characteristic of it. */
    static Map<String, Double> labelWords(List<String> labels, int[] predicted, int[] targets, CrossValidated cv) {
        int[] right = new int[labels.size()];
        int[] withWords = new int[labels.size()];
        for (int i = 0; i < targets.length; i++) {
            if (predicted[i] == targets[i]) {
                right[targets[i]]++;
                withWords[targets[i]] += cv.pointsTo().get(i).contains(targets[i]) ? 1 : 0;
            }
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int label = 0; label < labels.size(); label++) {
            shares.put(labels.get(label), right[label] == 0 ? 0.0 : ModelTrainer.round((double) withWords[label] / right[label]));
        }
        return shares;
    }

    /** Out-of-fold scores: each example scored by a model that did not see it. Folds are stratified by label. */
    static CrossValidated crossValidate(List<List<String>> tokens, int[] targets, int labels, TrainingOptions options,
            FeatureConfig featureConfig) {
        int n = targets.length;
        int[] fold = new int[n];
        Random random = new Random(options.seed());
        int[] order = WordsNetwork.shuffled(n, random);
        int[] nextFold = new int[labels];
        for (int i : order) {
            fold[i] = nextFold[targets[i]]++ % options.folds();
        }
        float[][] scores = new float[n][];
        List<java.util.Set<Integer>> pointsTo = new ArrayList<>(java.util.Collections.nCopies(n, java.util.Set.<Integer>of()));
        // One fold at a time: DJL lets only one gradient collector collect at a time per process.
        for (int f = 0; f < options.folds(); f++) {
            List<List<String>> trainTokens = new ArrayList<>();
            List<Integer> trainIndex = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    trainTokens.add(tokens.get(i));
                    trainIndex.add(i);
                }
            }
            int[] trainTargets = trainIndex.stream().mapToInt(i -> targets[i]).toArray();
            FeatureVocabulary vocabulary = VocabularyBuilder.build(trainTokens, trainTargets, labels, featureConfig);
            List<Features> trainFeatures = trainTokens.stream().map(vocabulary::features).map(Features::sortedByRow).toList();
            List<Features> heldOut = new ArrayList<>();
            List<Integer> heldOutIndex = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    Features features = vocabulary.features(tokens.get(i));
                    pointsTo.set(i, features.characteristicWords() == null ? java.util.Set.of()
                            : java.util.Set.copyOf(features.characteristicWords().keySet()));
                    heldOut.add(features.sortedByRow());
                    heldOutIndex.add(i);
                }
            }
            try (Model model = WordsNetwork.fit(trainFeatures, trainTargets, vocabulary.rows(), labels, options.withSeed(options.seed() + f + 1))) {
                List<float[]> heldOutScores = WordsNetwork.scores(model, heldOut, labels);
                for (int k = 0; k < heldOutIndex.size(); k++) {
                    scores[heldOutIndex.get(k)] = heldOutScores.get(k);
                }
            }
        }
        return new CrossValidated(List.of(scores), fold, options.folds(), pointsTo);
    }

    /**
     * Runs {@code work} for 0 … count-1 on as many threads as there are processors, and waits. Each
     * fold's result depends only on its own seed, so the outcome is the same on any number of threads.
     */
    static void inParallel(int count, java.util.function.IntConsumer work) {
        int threads = Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> work.accept(index)));
            }
            for (java.util.concurrent.Future<?> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
