package dk.postfordeling.classifier.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
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
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains a {@link BagOfFeaturesBlock} with DJL on the PyTorch engine (CPU, offline) and writes
 * it with its {@link ModelMetadata}. Training is deterministic for a given seed and data.
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
        List<String> labels = new ArrayList<>(new TreeSet<>(examples.stream().map(LabelledText::label).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("training needs at least two labels, found " + labels);
        }
        FeatureHasher hasher = new FeatureHasher(featureConfig);
        List<Features> features = new ArrayList<>(examples.size());
        int[] targets = new int[examples.size()];
        BitSet vocabulary = new BitSet(featureConfig.buckets());
        Map<String, Integer> perLabel = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            LabelledText example = examples.get(i);
            Features f = hasher.features(TextPreparation.tokens(example.text()));
            features.add(f);
            for (int bucket : f.wordBuckets()) {
                vocabulary.set(bucket);
            }
            targets[i] = labels.indexOf(example.label());
            perLabel.merge(example.label(), 1, Integer::sum);
        }

        String dataHash = hash(examples);
        String version = versionPrefix + "-" + VERSION_TIME.format(clock.instant()) + "-" + dataHash.substring(0, 8);
        Path target = modelsRoot.resolve(version);
        Files.createDirectories(target);

        Engine engine = Engine.getInstance();
        engine.setRandomSeed((int) options.seed());
        BagOfFeaturesBlock block = new BagOfFeaturesBlock(featureConfig.buckets(), options.dimension(), labels.size());
        try (Model model = Model.newInstance(ModelFiles.MODEL_NAME, Device.cpu())) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(options.learningRate())).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 1), new Shape(1, 1));
                Random shuffle = new Random(options.seed());
                int[] order = new int[examples.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                for (int epoch = 0; epoch < options.epochs(); epoch++) {
                    shuffleInPlace(order, shuffle);
                    for (int start = 0; start < order.length; start += options.batchSize()) {
                        int end = Math.min(order.length, start + options.batchSize());
                        step(trainer, features, targets, order, start, end);
                    }
                }
            }
            model.setProperty("modelVersion", version);
            model.save(target, ModelFiles.MODEL_NAME);
        }
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.CURRENT_FORMAT, version, labels, featureConfig,
                options.dimension(), 1.0, options,
                new ModelMetadata.TrainingData(source, dataHash, examples.size(), perLabel, sample),
                Map.of(), libraryVersions(engine), clock.instant());
        ModelFiles.writeMetadata(target, metadata);
        ModelFiles.writeVocabulary(target, vocabulary);
        return metadata;
    }

    private static void step(Trainer trainer, List<Features> features, int[] targets, int[] order, int start, int end) {
        int batch = end - start;
        int length = 1;
        for (int i = start; i < end; i++) {
            length = Math.max(length, features.get(order[i]).size());
        }
        long[] indices = new long[batch * length];
        float[] weights = new float[batch * length];
        float[] labels = new float[batch];
        for (int row = 0; row < batch; row++) {
            Features f = features.get(order[start + row]);
            for (int j = 0; j < f.size(); j++) {
                indices[row * length + j] = f.indices()[j];
                weights[row * length + j] = f.weights()[j];
            }
            labels[row] = targets[order[start + row]];
        }
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDArray x = manager.create(indices, new Shape(batch, length));
            NDArray w = manager.create(weights, new Shape(batch, length));
            NDArray y = manager.create(labels, new Shape(batch));
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList prediction = trainer.forward(new NDList(x, w));
                NDArray loss = trainer.getLoss().evaluate(new NDList(y), prediction);
                collector.backward(loss);
            }
            trainer.step();
        }
    }

    private static void shuffleInPlace(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
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

    private static Map<String, String> libraryVersions(Engine engine) {
        Map<String, String> versions = new TreeMap<>();
        versions.put("djl", Engine.getDjlVersion());
        versions.put("engine", engine.getEngineName() + " " + engine.getVersion());
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }
}
