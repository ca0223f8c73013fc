package dk.postfordeling.classifier.model;

/**
 * Hyperparameters of a training run.
 *
 * @param dimension    embedding size
 * @param epochs       passes over the data
 * @param learningRate Adam learning rate
 * @param batchSize    examples per step
 * @param seed         seed for initialisation and shuffling; same seed and data give the same model
 */
public record TrainingOptions(int dimension, int epochs, float learningRate, int batchSize, long seed) {

    public static TrainingOptions defaults() {
        return new TrainingOptions(32, 30, 0.02f, 16, 42L);
    }
}
