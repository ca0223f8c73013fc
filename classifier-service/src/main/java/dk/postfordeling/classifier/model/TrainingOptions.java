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
 * @param folds           stratified cross-validation folds whose out-of-fold scores calibrate the model and
 *                        choose its thresholds (0 or 1: none)
 * @param targetPrecision precision the routed mail is to reach overall (see {@link RoutingThresholds})
 * @param priorStrength   how many mails' worth of weight all labels' out-of-fold record has in each
 *                        label's precision estimate (see {@link RoutingThresholds}; 0 in models of earlier
 *                        releases, which refused a threshold to labels with few predictions instead)
 * @param encoder         where the pretrained sentence encoder of the cascade's second stage is
 *                        ({@code bundled:…} or a directory); {@code null}: no second stage (models of
 *                        earlier releases)
 * @param hiddenRelu      whether the embedding is a hidden layer with a bias and a ReLU ({@code false}
 *                        for models of earlier releases, whose embedding feeds the output directly)
 */
public record TrainingOptions(int dimension, int epochs, float learningRate, int batchSize, long seed,
        float dropout, int folds, double targetPrecision, double priorStrength, boolean hiddenRelu, int minSteps, String encoder) {

    public static TrainingOptions defaults() {
        return new TrainingOptions(128, 15, 0.001f, 64, 42L, 0f, 5, 0.95, 10, true, 2300,
                dk.postfordeling.classifier.encoder.SentenceEncoder.BUNDLED);
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
        return new TrainingOptions(dimension, epochs, learningRate, batchSize, newSeed, dropout, folds, targetPrecision, priorStrength, hiddenRelu, minSteps, encoder);
    }

    public TrainingOptions withTargetPrecision(double precision) {
        return new TrainingOptions(dimension, epochs, learningRate, batchSize, seed, dropout, folds, precision, priorStrength, hiddenRelu, minSteps, encoder);
    }

    public TrainingOptions withEncoder(String location) {
        return new TrainingOptions(dimension, epochs, learningRate, batchSize, seed, dropout, folds, targetPrecision, priorStrength, hiddenRelu, minSteps, location);
    }
}
