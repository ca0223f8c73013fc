package dk.postfordeling.classifier.model;

/**
 * Hyperparameters of a training run.
 *
 * @param dimension       embedding size
 * @param epochs          passes over the data
 * @param learningRate    Adam learning rate
 * @param batchSize       examples per step
 * @param seed            seed for initialisation, folds and shuffling; same seed and data give the same model
 * @param dropout         share of the text vector dropped while training
 * @param folds           cross-validation folds used to calibrate and to choose thresholds (0 or 1: none)
 * @param targetPrecision precision each label's routing threshold is chosen to reach (cross-validated)
 * @param minLabelSupport out-of-fold predictions a label needs before a threshold is estimated for it
 */
public record TrainingOptions(int dimension, int epochs, float learningRate, int batchSize, long seed,
        float dropout, int folds, double targetPrecision, int minLabelSupport) {

    public static TrainingOptions defaults() {
        return new TrainingOptions(128, 12, 0.005f, 32, 42L, 0.2f, 2, 0.95, 8);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(dimension, epochs, learningRate, batchSize, newSeed, dropout, folds, targetPrecision, minLabelSupport);
    }

    public TrainingOptions withTargetPrecision(double precision) {
        return new TrainingOptions(dimension, epochs, learningRate, batchSize, seed, dropout, folds, precision, minLabelSupport);
    }
}
