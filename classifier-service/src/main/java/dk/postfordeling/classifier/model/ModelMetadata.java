package dk.postfordeling.classifier.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to load a model and to know where it came from (provenance). Stored as
 * {@code model.json} beside the parameters; files written by earlier releases must keep loading.
 *
 * @param formatVersion   version of this file's layout
 * @param modelVersion    unique name of this model, carried in every {@code MailClassified}
 * @param labels          label of each output, in output order
 * @param features        how text is hashed
 * @param dimension       embedding size
 * @param temperature     calibration temperature applied to the scores before softmax
 * @param training        hyperparameters and seed
 * @param data            what the model was trained on
 * @param evaluation      evaluation figures, name to value (may be empty)
 * @param libraries       library versions, name to version
 * @param trainedAt       when training finished
 * @param thresholds      format 2: per label, the calibrated confidence from which it is routed
 *                        without a person; {@code null} for a label that always goes to review.
 *                        Absent (release 1): one threshold from configuration for every label
 */
public record ModelMetadata(
        int formatVersion,
        String modelVersion,
        List<String> labels,
        FeatureConfig features,
        int dimension,
        double temperature,
        TrainingOptions training,
        TrainingData data,
        Map<String, Double> evaluation,
        Map<String, String> libraries,
        Instant trainedAt,
        Map<String, Double> thresholds) {

    public static final int CURRENT_FORMAT = 2;

    /** Whether the model carries its own per-label thresholds (format 2). */
    public boolean hasThresholds() {
        return thresholds != null;
    }

    /**
     * Provenance of the training data.
     *
     * @param source   where it came from (file name, {@code bundled-sample}, {@code feedback})
     * @param sha256   hash of the examples as trained on
     * @param rows     number of examples
     * @param perLabel examples per label
     * @param sample   whether this is the bundled sample data rather than a municipality's own
     */
    public record TrainingData(String source, String sha256, int rows, Map<String, Integer> perLabel, boolean sample) {
    }
}
