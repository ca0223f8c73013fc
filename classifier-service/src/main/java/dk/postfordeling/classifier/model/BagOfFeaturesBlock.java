package dk.postfordeling.classifier.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * fastText-style text classifier over a bag of weighted features, in one of two shapes:
 * <ul>
 *   <li>{@code dimension > 0}: every feature has a dense embedding, a text is the weighted sum of its
 *       features' embeddings, and one linear layer maps that to label scores; with {@code hiddenRelu}
 *       the sum gets a bias and a ReLU first, so that the embedding is a hidden layer that can
 *       combine features (models of earlier releases have no ReLU);</li>
 *   <li>{@code dimension == 0}: every feature has one weight per label, starting at zero, and a
 *       text's label scores are the weighted sum of its features' rows plus a bias (softmax
 *       regression as a one-layer network). On TF-IDF features this trains faster and more
 *       accurately than a random embedding; see the README's design measurements.</li>
 * </ul>
 *
 * <p>Inputs: feature buckets {@code [batch, length]} (int64, 0 = padding) and feature weights
 * {@code [batch, length]} (float32, 0 for padding). Output: label scores {@code [batch, labels]}.
 *
 * <p>The model is linear in its features, so a prediction splits exactly into per-feature
 * contributions: that is what makes every decision explainable in terms of the mail's own words.
 */
public final class BagOfFeaturesBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int buckets;
    private final int dimension;
    private final int labels;
    private final Parameter embedding;
    /** The output layer; {@code null} without an embedding. */
    private final Linear output;
    /** The label bias without an embedding; {@code null} with one (the output layer has its own). */
    private final Parameter bias;
    /** The hidden layer's bias with a ReLU; {@code null} otherwise. */
    private final Parameter hiddenBias;
    private final float dropout;

    public BagOfFeaturesBlock(int buckets, int dimension, int labels, boolean hiddenRelu) {
        this(buckets, dimension, labels, hiddenRelu, 0f);
    }

    /**
     * @param dimension  embedding size; 0 for one weight per feature and label
     * @param hiddenRelu with an embedding: whether the text vector gets a bias and a ReLU before the output layer
     * @param dropout    share of the text vector's components dropped while training, with an
     *                   embedding only (not stored with the model)
     */
    public BagOfFeaturesBlock(int buckets, int dimension, int labels, boolean hiddenRelu, float dropout) {
        super(VERSION);
        this.dropout = dropout;
        this.buckets = buckets;
        this.dimension = dimension;
        this.labels = labels;
        if (dimension > 0) {
            this.embedding = addParameter(Parameter.builder()
                    .setName("embedding")
                    .setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(buckets, dimension))
                    .optInitializer(new UniformInitializer(hiddenRelu
                            ? (float) Math.sqrt(6.0 / (buckets + dimension)) // Glorot, as for a dense layer
                            : 1f / dimension))
                    .build());
            this.hiddenBias = !hiddenRelu ? null : addParameter(Parameter.builder()
                    .setName("hiddenBias")
                    .setType(Parameter.Type.BIAS)
                    .optShape(new Shape(dimension))
                    .optInitializer(Initializer.ZEROS)
                    .build());
            this.output = addChildBlock("output", Linear.builder().setUnits(labels).build());
            this.bias = null;
        } else {
            this.embedding = addParameter(Parameter.builder()
                    .setName("embedding")
                    .setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(buckets, labels))
                    .optInitializer(Initializer.ZEROS)
                    .build());
            this.bias = addParameter(Parameter.builder()
                    .setName("bias")
                    .setType(Parameter.Type.BIAS)
                    .optShape(new Shape(labels))
                    .optInitializer(Initializer.ZEROS)
                    .build());
            this.output = null;
            this.hiddenBias = null;
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray features = inputs.get(0);
        Device device = features.getDevice();
        NDArray table = parameterStore.getValue(embedding, device, training);
        if (output == null) {
            return new NDList(scores(features, inputs.get(1), table, null, null, parameterStore.getValue(bias, device, training), 0f));
        }
        return new NDList(scores(features, inputs.get(1), table,
                hiddenBias == null ? null : parameterStore.getValue(hiddenBias, device, training),
                parameterStore.getValue(output.getParameters().get("weight"), device, training),
                parameterStore.getValue(output.getParameters().get("bias"), device, training), training ? dropout : 0f));
    }

    /**
     * The network's arithmetic, for the block and for {@link BagOfFeaturesTraining}'s batches (which
     * pass a table of their own rows): label scores {@code [batch, labels]} of feature rows
     * {@code [batch, length]} and their weights.
     *
     * @param outputWeight {@code null} without an embedding (then {@code table} holds label weights)
     * @param hiddenBias   {@code null} without a ReLU
     * @param dropout      share of the text vector dropped (0 when not training)
     */
    static NDArray scores(NDArray features, NDArray weights, NDArray table, NDArray hiddenBias, NDArray outputWeight,
            NDArray bias, float dropout) {
        NDArray embedded = Embedding.embedding(features, table, SparseFormat.DENSE).head();
        NDArray pooled = embedded.mul(weights.expandDims(2)).sum(new int[] {1});
        if (outputWeight == null) {
            return pooled.add(bias);
        }
        if (hiddenBias != null) {
            pooled = Activation.relu(pooled.add(hiddenBias));
        }
        if (dropout > 0) {
            pooled = ai.djl.nn.norm.Dropout.dropout(pooled, dropout, true).head();
        }
        return pooled.matMul(outputWeight.transpose()).add(bias);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), labels)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (output != null) {
            output.initialize(manager, dataType, new Shape(inputShapes[0].get(0), dimension));
        }
    }

    boolean hiddenRelu() {
        return hiddenBias != null;
    }

    /** The embedding table {@code [buckets, dimension]}, or {@code [buckets, labels]} without an embedding. */
    float[] table() {
        return embedding.getArray().toFloatArray();
    }

    /**
     * Sets the trained parameters (shapes as {@link #table}, {@link #hiddenBiasValues},
     * {@link #outputWeight} and {@link #labelBias} give them); {@code null} for a part the shape has not.
     */
    void setValues(float[] table, float[] hiddenBiasValues, float[] outputWeight, float[] labelBias) {
        overwrite(embedding.getArray(), table);
        if (hiddenBias != null) {
            overwrite(hiddenBias.getArray(), hiddenBiasValues);
        }
        if (output == null) {
            overwrite(bias.getArray(), labelBias);
        } else {
            overwrite(output.getParameters().get("weight").getArray(), outputWeight);
            overwrite(output.getParameters().get("bias").getArray(), labelBias);
        }
    }

    /**
     * In place, by arithmetic: {@code NDArray.set} makes libtorch print a deprecation warning on the
     * process's own error stream, outside the service's JSON log lines. The parameter stops asking for
     * gradients first: on a thread of its own (the final model trains beside the second stage)
     * PyTorch records gradients by default and refuses to change such a parameter in place.
     */
    private static void overwrite(NDArray target, float[] values) {
        target.setRequiresGradient(false);
        try (NDManager scratch = target.getManager().newSubManager()) {
            target.muli(0).addi(scratch.create(values, target.getShape()));
        }
    }

    /** The hidden layer's bias {@code [dimension]}; with a ReLU only. */
    float[] hiddenBiasValues() {
        return hiddenBias.getArray().toFloatArray();
    }

    /** The output layer's weights {@code [labels, dimension]}; with an embedding only. */
    float[] outputWeight() {
        return output.getParameters().get("weight").getArray().toFloatArray();
    }

    /**
     * Without a ReLU the network is linear in its features: each feature's contribution to each
     * label's score at weight 1, {@code [buckets, labels]}; the caller closes it.
     */
    NDArray labelWeights() {
        if (output == null) {
            return embedding.getArray().duplicate();
        }
        return embedding.getArray().matMul(output.getParameters().get("weight").getArray().transpose());
    }

    /** The label scores of a text without features, {@code [labels]}. */
    float[] labelBias() {
        return (output == null ? bias.getArray() : output.getParameters().get("bias").getArray()).toFloatArray();
    }

    public int buckets() {
        return buckets;
    }
}
