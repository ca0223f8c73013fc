package dk.postfordeling.classifier.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * fastText-style text classifier: every hashed feature has a dense embedding, a text is the
 * weighted sum of its features' embeddings, and one linear layer maps that to label scores.
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
    private final Linear output;
    private final float dropout;

    public BagOfFeaturesBlock(int buckets, int dimension, int labels) {
        this(buckets, dimension, labels, 0f);
    }

    /** @param dropout share of the text vector's components dropped while training (not stored with the model) */
    public BagOfFeaturesBlock(int buckets, int dimension, int labels, float dropout) {
        super(VERSION);
        this.dropout = dropout;
        this.buckets = buckets;
        this.dimension = dimension;
        this.labels = labels;
        this.embedding = addParameter(Parameter.builder()
                .setName("embedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(buckets, dimension))
                .optInitializer(new UniformInitializer(1f / dimension))
                .build());
        this.output = addChildBlock("output", Linear.builder().setUnits(labels).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray features = inputs.get(0);
        NDArray weights = inputs.get(1);
        NDArray table = parameterStore.getValue(embedding, features.getDevice(), training);
        NDArray embedded = Embedding.embedding(features, table, SparseFormat.DENSE).head();
        NDArray pooled = embedded.mul(weights.expandDims(2)).sum(new int[] {1});
        if (training && dropout > 0) {
            pooled = ai.djl.nn.norm.Dropout.dropout(pooled, dropout, true).head();
        }
        return output.forward(parameterStore, new NDList(pooled), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), labels)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        output.initialize(manager, dataType, new Shape(inputShapes[0].get(0), dimension));
    }

    /** The embedding table {@code [buckets, dimension]}. */
    NDArray embeddingTable() {
        return embedding.getArray();
    }

    /** The output layer's weights {@code [labels, dimension]} and bias {@code [labels]}. */
    NDArray outputWeight() {
        return output.getParameters().get("weight").getArray();
    }

    NDArray outputBias() {
        return output.getParameters().get("bias").getArray();
    }

    public int buckets() {
        return buckets;
    }
}
