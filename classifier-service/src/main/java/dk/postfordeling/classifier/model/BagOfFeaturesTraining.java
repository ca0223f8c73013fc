package dk.postfordeling.classifier.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import java.util.Arrays;
import java.util.Random;

/**
 * The training loop of a {@link BagOfFeaturesBlock}: PyTorch (through DJL) computes each batch's
 * forward pass and gradients, and Adam updates only the feature rows the batch touched ("lazy"
 * Adam, as PyTorch's {@code SparseAdam} does for embeddings).
 *
 * <p>Why not DJL's {@code Trainer}: it updates every row of the feature table at every step, and a
 * text touches about 150 of tens of thousands of rows; on Banking77 (21,143 rows × 128) the dense
 * update was 14 of the 22 ms a step took. Here each batch works on a small table of its own rows
 * only, so a step costs what the batch's own features cost. The other parameters (hidden bias, output
 * layer) are small and updated whole, with the same Adam (β₁ 0.9, β₂ 0.999, ε 1e-8, bias-corrected
 * step size as DJL's).
 */
final class BagOfFeaturesTraining {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final int dimension;
    private final int labels;
    private final int width;
    private final boolean hiddenRelu;
    private final float dropout;
    private final float learningRate;
    /** The feature table {@code [rows, width]}; {@code width} is the dimension, or the labels without an embedding. */
    private final AdamParameter table;
    /** With an embedding: hidden bias (ReLU only), output weight {@code [labels, dimension]} and bias; without: the bias. */
    private final AdamParameter hiddenBias;
    private final AdamParameter outputWeight;
    private final AdamParameter outputBias;
    private int step;

    /** Starts from the block's initialised parameters, so the start is the one DJL's initialisers give. */
    BagOfFeaturesTraining(BagOfFeaturesBlock block, int rows, int labels, TrainingOptions options) {
        this.dimension = options.dimension();
        this.labels = labels;
        this.width = dimension > 0 ? dimension : labels;
        this.hiddenRelu = dimension > 0 && block.hiddenRelu();
        this.dropout = dimension > 0 ? options.dropout() : 0f;
        this.learningRate = options.learningRate();
        this.table = new AdamParameter(block.table());
        if (table.values.length != (long) rows * width) {
            throw new IllegalArgumentException("feature table of " + table.values.length + " values, expected " + rows + " × " + width);
        }
        this.hiddenBias = hiddenRelu ? new AdamParameter(block.hiddenBiasValues()) : null;
        this.outputWeight = dimension > 0 ? new AdamParameter(block.outputWeight()) : null;
        this.outputBias = new AdamParameter(block.labelBias());
    }

    /** Writes the trained values into the block's parameters. */
    void writeTo(BagOfFeaturesBlock block) {
        block.setValues(table.values, hiddenBias == null ? null : hiddenBias.values,
                outputWeight == null ? null : outputWeight.values, outputBias.values);
    }

    /**
     * One pass over the examples in {@code order}, {@code batchSize} at a time. The order is cut into
     * windows of {@link #WINDOW_BATCHES} batches; within a window the examples are sorted by their
     * number of features before they are cut into batches, and the batches are then taken in a
     * shuffled order. A batch is padded to its longest text, so texts of like length in a batch
     * save the padding's work (about two thirds of a shuffled batch on Banking77) while each batch
     * still mixes labels and the order still changes every pass.
     */
    void epoch(NDManager parent, Loss loss, java.util.List<Features> features, int[] targets, int[] order, int batchSize,
            int[] localRow, Random random) {
        int[] byLength = order.clone();
        int window = batchSize * WINDOW_BATCHES;
        for (int from = 0; from < byLength.length; from += window) {
            int to = Math.min(byLength.length, from + window);
            Integer[] part = new Integer[to - from];
            for (int i = from; i < to; i++) {
                part[i - from] = byLength[i];
            }
            Arrays.sort(part, java.util.Comparator.comparingInt(example -> features.get(example).rowCount()));
            for (int i = from; i < to; i++) {
                byLength[i] = part[i - from];
            }
        }
        int[] batches = new int[(byLength.length + batchSize - 1) / batchSize];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = b * batchSize;
        }
        WordsNetwork.shuffleInPlace(batches, random);
        for (int start : batches) {
            step(parent, loss, features, targets, byLength, start, Math.min(byLength.length, start + batchSize), localRow);
        }
    }

    /** Batches per window of {@link #epoch}'s sort by length. */
    static final int WINDOW_BATCHES = 16;

    /**
     * @param localRow scratch of one entry per feature row, all -1 between calls: a row's place in
     *                 the batch's own table
     */
    private void step(NDManager parent, Loss loss, java.util.List<Features> features, int[] targets, int[] order, int start,
            int end, int[] localRow) {
        int batch = end - start;
        int length = 1;
        for (int i = start; i < end; i++) {
            length = Math.max(length, features.get(order[i]).rowCount());
        }
        // The batch's own rows, in order of first use; padding (row 0 of the full table, weight 0) is one of them.
        int[] used = new int[batch * length + 1];
        int usedCount = 0;
        long[] indices = new long[batch * length];
        float[] weights = new float[batch * length];
        float[] y = new float[batch];
        localRow[0] = usedCount;
        used[usedCount++] = 0;
        for (int row = 0; row < batch; row++) {
            Features f = features.get(order[start + row]);
            y[row] = targets[order[start + row]];
            for (int j = 0; j < f.rowCount(); j++) {
                int r = f.rows()[j];
                if (localRow[r] < 0) {
                    localRow[r] = usedCount;
                    used[usedCount++] = r;
                }
                indices[row * length + j] = localRow[r];
                weights[row * length + j] = f.rowWeights()[j];
            }
        }
        float[] ownRows = new float[usedCount * width];
        for (int k = 0; k < usedCount; k++) {
            System.arraycopy(table.values, used[k] * width, ownRows, k * width, width);
            localRow[used[k]] = -1;
        }
        step++;
        try (NDManager manager = parent.newSubManager()) {
            NDArray rowsOfBatch = parameter(manager, ownRows, new Shape(usedCount, width));
            NDArray bias = parameter(manager, outputBias.values, new Shape(labels));
            NDArray hidden = hiddenBias == null ? null : parameter(manager, hiddenBias.values, new Shape(dimension));
            NDArray weight = outputWeight == null ? null : parameter(manager, outputWeight.values, new Shape(labels, dimension));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray scores = BagOfFeaturesBlock.scores(manager.create(indices, new Shape(batch, length)),
                        manager.create(weights, new Shape(batch, length)), rowsOfBatch, hidden, weight, bias, dropout);
                collector.backward(loss.evaluate(new NDList(manager.create(y, new Shape(batch))), new NDList(scores)));
            }
            float stepSize = (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step)));
            float[] rowGradients = rowsOfBatch.getGradient().toFloatArray();
            for (int k = 0; k < usedCount; k++) {
                table.update(used[k] * width, rowGradients, k * width, width, stepSize);
            }
            outputBias.update(0, bias.getGradient().toFloatArray(), 0, labels, stepSize);
            if (hidden != null) {
                hiddenBias.update(0, hidden.getGradient().toFloatArray(), 0, dimension, stepSize);
            }
            if (weight != null) {
                outputWeight.update(0, weight.getGradient().toFloatArray(), 0, labels * dimension, stepSize);
            }
        }
    }

    private static NDArray parameter(NDManager manager, float[] values, Shape shape) {
        NDArray array = manager.create(values, shape);
        array.setRequiresGradient(true);
        return array;
    }

    /** A parameter's values with Adam's first and second moment per value. */
    private static final class AdamParameter {
        final float[] values;
        final float[] mean;
        final float[] variance;

        AdamParameter(float[] values) {
            this.values = values;
            this.mean = new float[values.length];
            this.variance = new float[values.length];
        }

        void update(int at, float[] gradient, int from, int count, float stepSize) {
            for (int k = 0; k < count; k++) {
                float g = gradient[from + k];
                int i = at + k;
                float m = BETA1 * mean[i] + (1 - BETA1) * g;
                float v = BETA2 * variance[i] + (1 - BETA2) * g * g;
                mean[i] = m;
                variance[i] = v;
                values[i] -= stepSize * m / ((float) Math.sqrt(v) + EPSILON);
            }
        }
    }

    /** A scratch array for {@link #epoch}: one entry per feature row, -1 each. */
    static int[] localRows(int rows) {
        int[] local = new int[rows];
        Arrays.fill(local, -1);
        return local;
    }
}
