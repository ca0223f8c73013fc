package dk.postfordeling.classifier.model;

import ai.djl.Model;
import ai.djl.engine.Engine;
import dk.postfordeling.classifier.text.TextPreparation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains a {@link BagOfFeaturesBlock} with DJL on the PyTorch engine (CPU, offline) and writes it
 * with its {@link ModelMetadata}. Before the final model, the same recipe is cross-validated on the
 * training data: the out-of-fold scores give the calibration temperature and each label's routing
 * threshold, so that no test data is needed to decide how sure is sure enough. Training is
 * deterministic for a given seed and data.
 */
public final class ModelTrainer {

    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public ModelTrainer(Clock clock) {
        this.clock = clock;
    }

    /**
     * Trains on the examples and writes the model into a new directory below {@code modelsRoot}.
     *
     * @param versionPrefix e.g. {@code sample-da} or the municipality's model name
     * @return the written model's metadata; its directory is {@code modelsRoot/<modelVersion>}
     */
    public ModelMetadata train(List<LabelledText> examples, TrainingOptions options, FeatureConfig featureConfig,
            String source, boolean sample, String versionPrefix, Path modelsRoot) throws IOException {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        if (!featureConfig.vocabulary()) {
            throw new IllegalArgumentException("only " + FeatureConfig.VOCABULARY_TFIDF + " features are trained by this release");
        }
        List<String> labels = new ArrayList<>(new TreeSet<>(examples.stream().map(LabelledText::label).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("training needs at least two labels, found " + labels);
        }
        List<List<String>> tokens = new ArrayList<>(examples.size());
        int[] targets = new int[examples.size()];
        Map<String, Integer> perLabel = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            tokens.add(TextPreparation.tokens(examples.get(i).text()));
            targets[i] = labels.indexOf(examples.get(i).label());
            perLabel.merge(examples.get(i).label(), 1, Integer::sum);
        }

        String dataHash = hash(examples);
        String version = versionPrefix + "-" + VERSION_TIME.format(clock.instant()) + "-" + dataHash.substring(0, 8);
        Path target = modelsRoot.resolve(version);
        Files.createDirectories(target);
        Decisions decisions = Decisions.uncalibrated(labels);
        java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "training-alongside");
            thread.setDaemon(true); // a failed training does not keep the process alive for it
            return thread;
        });
        try {
            java.util.concurrent.Future<FeatureVocabulary> words = null;
            if (options.folds() >= 2 && examples.size() >= 2L * options.folds()) {
                // The encoder (ONNX Runtime) and the words' folds (PyTorch) each keep one core busy: they run side by side.
                java.util.concurrent.Future<SecondStageTraining.Embedded> embedded = options.encoder() == null ? null
                        : background.submit(() -> SecondStageTraining.embed(examples, options.encoder()));
                CrossValidation.CrossValidated cv = CrossValidation.crossValidate(tokens, targets, labels.size(), options, featureConfig);
                // The final words model needs nothing of what follows: it trains on its own core meanwhile.
                words = background.submit(() -> fitAndSave(tokens, targets, labels.size(), featureConfig, options, version, target));
                decisions = decisions(cv, embedded, targets, labels, options, examples);
            }
            FeatureVocabulary vocabulary = words != null ? done(words)
                    : fitAndSave(tokens, targets, labels.size(), featureConfig, options, version, target);
            VocabularyFile.write(vocabulary, target);
        } finally {
            background.shutdownNow();
        }
        SecondStageTraining.SecondStage second = decisions.second();
        if (second != null) {
            second.stage().write(target);
        }
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.CURRENT_FORMAT, version, labels, featureConfig,
                options.dimension(), decisions.temperature(), options,
                new ModelMetadata.TrainingData(source, dataHash, examples.size(), perLabel, sample),
                decisions.evaluation(), libraryVersions(), clock.instant(), decisions.thresholds(), decisions.expectation(),
                second == null ? null : second.meaning(), decisions.labelWords(), decisions.slices());
        ModelFiles.writeMetadata(target, metadata);
        return metadata;
    }

    /**
     * What the out-of-fold scores decide about the model: calibration, thresholds, which labels are
     * held to their own words, the second stage (if it helps) and the expected routing.
     *
     * @param second {@code null} without a second stage, or where it did not help
     */
    private record Decisions(double temperature, Map<String, Double> thresholds, ModelMetadata.RoutingExpectation expectation,
            SecondStageTraining.SecondStage second, Map<String, Double> labelWords, Map<String, Double> evaluation,
            Map<String, ModelMetadata.SliceFigures> slices) {

        /** A model without cross-validation: no calibration, every label to review. */
        static Decisions uncalibrated(List<String> labels) {
            Map<String, Double> thresholds = new LinkedHashMap<>();
            labels.forEach(label -> thresholds.put(label, null));
            return new Decisions(1.0, thresholds, null, null, null, new LinkedHashMap<>(), null);
        }
    }

    private static Decisions decisions(CrossValidation.CrossValidated cv, java.util.concurrent.Future<SecondStageTraining.Embedded> embedded,
            int[] targets,
            List<String> labels, TrainingOptions options, List<LabelledText> examples) throws IOException {
        Map<String, Double> evaluation = new LinkedHashMap<>();
        double temperature = Calibration.fitTemperature(cv.scores(), targets);
        int[] predicted = new int[targets.length];
        double[] confidence = new double[targets.length];
        int correct = 0;
        for (int i = 0; i < targets.length; i++) {
            double[] p = Calibration.softmax(cv.scores().get(i), temperature);
            predicted[i] = argmax(p);
            confidence[i] = p[predicted[i]];
            correct += predicted[i] == targets[i] ? 1 : 0;
        }
        Map<String, Double> labelWords = CrossValidation.labelWords(labels, predicted, targets, cv);
        boolean[] expectsOwnWords = new boolean[labels.size()];
        for (int label = 0; label < labels.size(); label++) {
            expectsOwnWords[label] = labelWords.get(labels.get(label)) >= ModelMetadata.LABEL_WORDS_EXPECTED;
        }
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            if (cv.routable(i, predicted[i], expectsOwnWords)) {
                eligible.add(i);
            }
        }
        Map<String, Double> thresholds = RoutingThresholds.thresholds(labels, eligible.stream().mapToInt(i -> predicted[i]).toArray(),
                eligible.stream().mapToDouble(i -> confidence[i]).toArray(), eligible.stream().mapToInt(i -> targets[i]).toArray(),
                options.targetPrecision(), options.priorStrength());
        boolean[] routed = new boolean[targets.length];
        for (int i : eligible) {
            Double threshold = thresholds.get(labels.get(predicted[i]));
            routed[i] = threshold != null && confidence[i] >= threshold;
        }
        ModelMetadata.RoutingExpectation expectation = RoutingThresholds.expectation(labels, predicted, confidence, routed, targets,
                options.targetPrecision());
        evaluation.put("crossValidatedAccuracy", round((double) correct / targets.length));
        evaluation.put("crossValidatedLogLossUncalibrated", round(Calibration.logLoss(cv.scores(), targets, 1.0)));
        evaluation.put("crossValidatedLogLossCalibrated", round(Calibration.logLoss(cv.scores(), targets, temperature)));
        evaluation.put("crossValidatedAutoRoutedShare", round(expectation.routedShare()));
        evaluation.put("crossValidatedAutoRoutedPrecision", round(expectation.precision()));
        SecondStageTraining.SecondStage second = null;
        if (embedded != null) {
            second = SecondStageTraining.secondStage(done(embedded), targets, labels, cv, temperature, predicted, confidence, thresholds,
                    expectsOwnWords, options);
            evaluation.putAll(second.evaluation());
            if (second.evaluation().get("crossValidatedCascadeAccuracy") <= evaluation.get("crossValidatedAccuracy")) {
                // The sentence's meaning did not help on this data (e.g. an encoder that does not know its
                // language): the words decide alone, as the out-of-fold figures say they should.
                evaluation.put("secondStageKept", 0.0);
                second = null;
            } else {
                evaluation.put("secondStageKept", 1.0);
                expectation = second.cascade();
                evaluation.put("crossValidatedAutoRoutedShare", round(expectation.routedShare()));
                evaluation.put("crossValidatedAutoRoutedPrecision", round(expectation.precision()));
            }
        }
        return new Decisions(temperature, thresholds, expectation, second, labelWords, evaluation,
                slices(examples, predicted, routed, targets));
    }

    /** Out-of-fold figures per slice of the training mail (length band, CPR numbers): the model card's slices. */
    private static Map<String, ModelMetadata.SliceFigures> slices(List<LabelledText> examples, int[] predicted, boolean[] routed,
            int[] targets) {
        Map<String, int[]> counts = new java.util.TreeMap<>();
        for (int i = 0; i < targets.length; i++) {
            for (String slice : dk.postfordeling.classifier.text.MailSlices.of(examples.get(i).text(), Map.of())) {
                int[] c = counts.computeIfAbsent(slice, s -> new int[3]);
                c[0]++;
                c[1] += predicted[i] == targets[i] ? 1 : 0;
                c[2] += routed[i] ? 1 : 0;
            }
        }
        Map<String, ModelMetadata.SliceFigures> slices = new LinkedHashMap<>();
        counts.forEach((slice, c) -> slices.put(slice, new ModelMetadata.SliceFigures(c[0], round((double) c[1] / c[0]),
                round((double) c[2] / c[0]))));
        return slices;
    }

    /** Trains the words model on all examples and saves its parameters in {@code target}; returns its vocabulary. */
    private static FeatureVocabulary fitAndSave(List<List<String>> tokens, int[] targets, int labels, FeatureConfig featureConfig,
            TrainingOptions options, String version, Path target) throws IOException {
        FeatureVocabulary vocabulary = VocabularyBuilder.build(tokens, targets, labels, featureConfig);
        List<Features> features = tokens.stream().map(vocabulary::features).map(Features::sortedByRow).toList();
        try (Model model = WordsNetwork.fit(features, targets, vocabulary.rows(), labels, options)) {
            model.setProperty("modelVersion", version);
            model.save(target, ModelFiles.MODEL_NAME);
        }
        return vocabulary;
    }

    private static <T> T done(java.util.concurrent.Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }

    static String hash(List<LabelledText> examples) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (LabelledText example : examples) {
                digest.update(example.label().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(example.text().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> libraryVersions() {
        Engine engine = Engine.getInstance();
        Map<String, String> versions = new TreeMap<>();
        versions.put("djl", Engine.getDjlVersion());
        versions.put("engine", engine.getEngineName() + " " + engine.getVersion());
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }
}
