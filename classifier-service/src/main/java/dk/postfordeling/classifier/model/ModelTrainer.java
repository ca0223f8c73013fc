package dk.postfordeling.classifier.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
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
import java.util.Random;
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
                java.util.concurrent.Future<Embedded> embedded = options.encoder() == null ? null
                        : background.submit(() -> embed(examples, options.encoder()));
                CrossValidated cv = crossValidate(tokens, targets, labels.size(), options, featureConfig);
                // The final words model needs nothing of what follows: it trains on its own core meanwhile.
                words = background.submit(() -> fitAndSave(tokens, targets, labels.size(), featureConfig, options, version, target));
                decisions = decisions(cv, embedded, targets, labels, options);
            }
            FeatureVocabulary vocabulary = words != null ? done(words)
                    : fitAndSave(tokens, targets, labels.size(), featureConfig, options, version, target);
            VocabularyFile.write(vocabulary, target);
        } finally {
            background.shutdownNow();
        }
        SecondStage second = decisions.second();
        if (second != null) {
            second.stage().write(target);
        }
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.CURRENT_FORMAT, version, labels, featureConfig,
                options.dimension(), decisions.temperature(), options,
                new ModelMetadata.TrainingData(source, dataHash, examples.size(), perLabel, sample),
                decisions.evaluation(), libraryVersions(), clock.instant(), decisions.thresholds(), decisions.expectation(),
                second == null ? null : second.meaning(), decisions.labelWords());
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
            SecondStage second, Map<String, Double> labelWords, Map<String, Double> evaluation) {

        /** A model without cross-validation: no calibration, every label to review. */
        static Decisions uncalibrated(List<String> labels) {
            Map<String, Double> thresholds = new LinkedHashMap<>();
            labels.forEach(label -> thresholds.put(label, null));
            return new Decisions(1.0, thresholds, null, null, null, new LinkedHashMap<>());
        }
    }

    private static Decisions decisions(CrossValidated cv, java.util.concurrent.Future<Embedded> embedded, int[] targets,
            List<String> labels, TrainingOptions options) throws IOException {
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
        Map<String, Double> labelWords = labelWords(labels, predicted, targets, cv);
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
        SecondStage second = null;
        if (embedded != null) {
            second = secondStage(done(embedded), targets, labels, cv, temperature, predicted, confidence, thresholds,
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
        return new Decisions(temperature, thresholds, expectation, second, labelWords, evaluation);
    }

    /** Trains the words model on all examples and saves its parameters in {@code target}; returns its vocabulary. */
    private static FeatureVocabulary fitAndSave(List<List<String>> tokens, int[] targets, int labels, FeatureConfig featureConfig,
            TrainingOptions options, String version, Path target) throws IOException {
        FeatureVocabulary vocabulary = VocabularyBuilder.build(tokens, targets, labels, featureConfig);
        List<Features> features = tokens.stream().map(vocabulary::features).map(Features::sortedByRow).toList();
        try (Model model = fit(features, targets, vocabulary.rows(), labels, options)) {
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

    /**
     * @param pointsTo per example, the labels its words are characteristic of in its fold's training
     *                 data: the decision policy routes a mail only to such a label, so thresholds are
     *                 chosen on the examples that could be routed at all
     */
    private record CrossValidated(List<float[]> scores, int[] fold, int folds, List<java.util.Set<Integer>> pointsTo) {

        /** As the decision policy judges it: some characteristic word, and one of the label's if it expects them. */
        boolean routable(int example, int label, boolean[] expectsOwnWords) {
            java.util.Set<Integer> points = pointsTo.get(example);
            return !points.isEmpty() && (!expectsOwnWords[label] || points.contains(label));
        }
    }

    /** Per label, the share of its rightly predicted out-of-fold mail that has a word characteristic of it. */
    private static Map<String, Double> labelWords(List<String> labels, int[] predicted, int[] targets, CrossValidated cv) {
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
            shares.put(labels.get(label), right[label] == 0 ? 0.0 : round((double) withWords[label] / right[label]));
        }
        return shares;
    }

    /** @param cascade what both stages together routed of the out-of-fold mail */
    private record SecondStage(MeaningStage stage, ModelMetadata.Meaning meaning, Map<String, Double> evaluation,
            ModelMetadata.RoutingExpectation cascade) {
    }

    /**
     * The cascade's second stage: every training text's sentence embedding next to the first stage's
     * out-of-fold probabilities, cross-validated on the same folds. Its thresholds are chosen on the
     * out-of-fold mail the first stage does not route alone, so each stage keeps the target on the
     * mail it routes, and the two together do too.
     */
    private static SecondStage secondStage(Embedded embedded, int[] targets, List<String> labels, CrossValidated cv,
            double temperature, int[] predicted, double[] confidence, Map<String, Double> thresholds, boolean[] expectsOwnWords,
            TrainingOptions options) {
        int n = targets.length;
        float[][] inputs = new float[n][];
        for (int i = 0; i < n; i++) {
            inputs[i] = MeaningStage.input(embedded.embeddings()[i], Calibration.softmax(cv.scores().get(i), temperature));
        }
        ModelMetadata.Meaning meaning = embedded.meaning();
        float[][] stageScores = new float[n][];
        inParallel(cv.folds(), f -> {
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
            stagePredicted[i] = argmax(p);
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
        evaluation.put("crossValidatedCascadeAccuracy", round((double) cascadeCorrect / n));
        evaluation.put("crossValidatedSecondStageShare", round((double) consulted / n));
        evaluation.put("crossValidatedSecondStageRoutedShare", round((double) choice.expectation().routed() / n));
        evaluation.put("crossValidatedSecondStageRoutedPrecision", round(choice.expectation().precision()));
        return new SecondStage(stage, new ModelMetadata.Meaning(meaning.encoder(), meaning.spec(), meaning.dimension(),
                stageTemperature, choice.thresholds(), choice.expectation()), evaluation, cascade);
    }

    /** Every training text's sentence embedding, and the encoder that made them. */
    private record Embedded(float[][] embeddings, ModelMetadata.Meaning meaning) {
    }

    private static Embedded embed(List<LabelledText> examples, String encoderLocation) throws IOException {
        try (dk.postfordeling.classifier.encoder.SentenceEncoder encoder =
                dk.postfordeling.classifier.encoder.SentenceEncoder.open(encoderLocation)) {
            float[][] embeddings = new float[examples.size()][];
            for (int i = 0; i < embeddings.length; i++) {
                embeddings[i] = encoder.embed(examples.get(i).text());
            }
            return new Embedded(embeddings, new ModelMetadata.Meaning(encoderLocation, encoder.spec(), encoder.dimension(), 1.0, null, null));
        }
    }

    /** Out-of-fold scores: each example scored by a model that did not see it. Folds are stratified by label. */
    private static CrossValidated crossValidate(List<List<String>> tokens, int[] targets, int labels, TrainingOptions options,
            FeatureConfig featureConfig) {
        int n = targets.length;
        int[] fold = new int[n];
        Random random = new Random(options.seed());
        int[] order = shuffled(n, random);
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
            try (Model model = fit(trainFeatures, trainTargets, vocabulary.rows(), labels, options.withSeed(options.seed() + f + 1))) {
                List<float[]> heldOutScores = scores(model, heldOut, labels);
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
    private static void inParallel(int count, java.util.function.IntConsumer work) {
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

    /** Trains the network; the caller closes the returned model. */
    static Model fit(List<Features> features, int[] targets, int rows, int labels, TrainingOptions options) {
        Engine.getInstance().setRandomSeed((int) options.seed());
        Model model = Model.newInstance(ModelFiles.MODEL_NAME, Device.cpu());
        try {
            model.setBlock(new BagOfFeaturesBlock(rows, options.dimension(), labels, options.hiddenRelu(), options.dropout()));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(options.learningRate())).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                // The trainer only initialises the parameters (DJL's initialisers); the loop updates the rows each batch touches.
                trainer.initialize(new Shape(1, 1), new Shape(1, 1));
                BagOfFeaturesBlock block = (BagOfFeaturesBlock) model.getBlock();
                BagOfFeaturesTraining training = new BagOfFeaturesTraining(block, rows, labels, options);
                int[] localRows = BagOfFeaturesTraining.localRows(rows);
                Random shuffle = new Random(options.seed());
                int[] order = shuffled(features.size(), shuffle);
                int epochs = options.epochsFor(features.size());
                for (int epoch = 0; epoch < epochs; epoch++) {
                    shuffleInPlace(order, shuffle);
                    training.epoch(trainer.getManager(), trainer.getLoss(), features, targets, order, options.batchSize(), localRows, shuffle);
                }
                training.writeTo(block);
            }
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Raw label scores (before temperature and softmax) for each text. */
    static List<float[]> scores(Model model, List<Features> features, int labels) {
        List<float[]> scores = new ArrayList<>(features.size());
        int batchSize = 256;
        int[] order = new int[features.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDList input = batch(manager, features, order, start, end);
                NDArray out = model.getBlock().forward(new ParameterStore(manager, false), input, false).singletonOrThrow();
                float[] flat = out.toFloatArray();
                for (int row = 0; row < end - start; row++) {
                    float[] s = new float[labels];
                    System.arraycopy(flat, row * labels, s, 0, labels);
                    scores.add(s);
                }
            }
        }
        return scores;
    }

    private static NDList batch(NDManager manager, List<Features> features, int[] order, int start, int end) {
        int batch = end - start;
        int length = 1;
        for (int i = start; i < end; i++) {
            length = Math.max(length, features.get(order[i]).rowCount());
        }
        long[] indices = new long[batch * length];
        float[] weights = new float[batch * length];
        for (int row = 0; row < batch; row++) {
            Features f = features.get(order[start + row]);
            for (int j = 0; j < f.rowCount(); j++) {
                indices[row * length + j] = f.rows()[j];
                weights[row * length + j] = f.rowWeights()[j];
            }
        }
        return new NDList(manager.create(indices, new Shape(batch, length)), manager.create(weights, new Shape(batch, length)));
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffleInPlace(order, random);
        return order;
    }

    /** Fisher–Yates shuffle: every order equally likely, the same order for the same generator state. */
    public static void shuffleInPlace(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
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

    private static double round(double value) {
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
