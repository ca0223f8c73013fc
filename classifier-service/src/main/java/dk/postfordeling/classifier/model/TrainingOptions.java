package dk.postfordeling.classifier.model;

/**
 * Hyperparameters of a training run.
 *
 * @param dimension       embedding size
 * @param epochs          passes over the data, at least
 * @param minSteps        optimiser steps, at least: small data sets get more passes, so that a few
 *                        hundred mails are learnt as thoroughly as ten thousand (0 in models of
 *                        earlier releases)
 * @param learningRate    Adam learning rate
 * @param batchSize       examples per step
 * @param seed            seed for initialisation, folds and shuffling; same seed and data give the same model
 * @param dropout         share of the text vector dropped while training
 * @param folds           cross-validation folds used to calibrate and to choose thresholds (0 or 1: none)
 * @param targetPrecision precision each label's routing threshold is chosen to reach (cross-validated)
 * @param minLabelSupport out-of-fold predictions a label needs before a threshold is estimated for it
 * @param hiddenRelu      whether the embedding is a hidden layer with a bias and a ReLU ({@code false}
 *                        for models of earlier releases, whose embedding feeds the output directly)
 */
public record TrainingOptions(int dimension, int epochs, float learningRate, int batchSize, long seed,
        float dropout, int folds, double targetPrecision, int minLabelSupport, boolean hiddenRelu, int minSteps) {

    public static TrainingOptions defaults() {
        return new TrainingOptions(128, 15, 0.001f, 64, 42L, 0f, 2, 0.95, 8, true, 2300);
    }

    /** The most passes {@link #minSteps} asks for: a tiny data set has learnt all it can by then. */
    public static final int MAX_EPOCHS_FOR_MIN_STEPS = 200;

    /**
     * Passes over {@code examples} training examples: {@link #epochs}, or more to make
     * {@link #minSteps}, but not more than {@link #MAX_EPOCHS_FOR_MIN_STEPS} for that.
     */
    public int epochsFor(int examples) {
        int stepsPerEpoch = Math.max(1, (examples + batchSize - 1) / batchSize);
        int forSteps = Math.min(MAX_EPOCHS_FOR_MIN_STEPS, (minSteps + stepsPerEpoch - 1) / stepsPerEpoch);
        return Math.max(epochs, forSteps);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(dimension, epochs, learningRate, batchSize, newSeed, dropout, folds, targetPrecision, minLabelSupport, hiddenRelu, minSteps);
    }

    public TrainingOptions withTargetPrecision(double precision) {
        return new TrainingOptions(dimension, epochs, learningRate, batchSize, seed, dropout, folds, precision, minLabelSupport, hiddenRelu, minSteps);
    }
}
