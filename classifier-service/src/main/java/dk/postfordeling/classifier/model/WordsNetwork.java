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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The words model's network ({@link BagOfFeaturesBlock}) fitted with DJL on PyTorch, and its raw scores. */
public final class WordsNetwork {

    private WordsNetwork() {
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

    static int[] shuffled(int n, Random random) {
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
}
