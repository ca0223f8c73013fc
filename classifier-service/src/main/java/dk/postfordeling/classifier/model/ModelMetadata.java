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
 * @param expectation     format 3: what the thresholds routed of the training mail in cross-validation,
 *                        overall, per label and at each destination bar; absent in earlier formats.
 *                        With a second stage: the mail the first stage routes alone
 * @param meaning         format 3: the cascade's second stage (sentence encoder and
 *                        {@link MeaningStage}), or {@code null} when the model has none
 * @param labelWords      format 3: per label, the share of its rightly predicted out-of-fold mail that
 *                        has a word characteristic of it; where that is at least
 *                        {@link #LABEL_WORDS_EXPECTED}, mail predicted as the label without such a word
 *                        goes to review. {@code null} in earlier formats (no such rule)
 * @param slices          per slice of the training mail ({@code length=under-200}, {@code cpr=yes}; see
 *                        {@code MailSlices}), the words stage's out-of-fold figures, for the model card;
 *                        {@code null} for models trained before they were recorded
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
        Map<String, Double> thresholds,
        RoutingExpectation expectation,
        Meaning meaning,
        Map<String, Double> labelWords,
        Map<String, SliceFigures> slices) {

    public static final int CURRENT_FORMAT = 3;

    /**
     * One slice of the training mail, out of fold.
     *
     * @param examples    training mails in the slice
     * @param accuracy    of them, predicted right by a model that had not seen them
     * @param routedShare of them, routed by the words stage's thresholds
     */
    public record SliceFigures(int examples, double accuracy, double routedShare) {
    }

    /**
     * From this share of its mail carrying its own characteristic words, a label's mail is expected to
     * carry them: fine-grained labels that share their words with their neighbours (Banking77's
     * card_arrival and card_delivery_estimate) are not held to it.
     */
    public static final double LABEL_WORDS_EXPECTED = 0.8;

    /** Whether mail predicted as this label must carry one of its characteristic words to be routed. */
    public boolean expectsOwnWords(String label) {
        return labelWords != null && labelWords.getOrDefault(label, 0.0) >= LABEL_WORDS_EXPECTED;
    }

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

    /**
     * What a model is expected to route, known before it is used: its thresholds applied to the
     * out-of-fold scores of its training mail (each scored by a model that had not seen it).
     *
     * @param targetPrecision the overall precision the thresholds were chosen for
     * @param examples        out-of-fold predictions
     * @param routed          of those, routed by the thresholds
     * @param routedCorrect   of those, routed to the right label
     * @param perLabel        the same per predicted label
     */
    public record RoutingExpectation(double targetPrecision, int examples, int routed, int routedCorrect,
            Map<String, LabelExpectation> perLabel) {

        public double routedShare() {
            return examples == 0 ? 0 : (double) routed / examples;
        }

        public double precision() {
            return routed == 0 ? 0 : (double) routedCorrect / routed;
        }
    }

    /**
     * @param examples      training mails of this label
     * @param predicted     out-of-fold predictions of this label
     * @param routed        of those, routed by the label's threshold
     * @param routedCorrect of those, right
     * @param atBars        the same when a destination also asks for at least this confidence
     *                      (its {@code target-precision}), for each bar in {@link RoutingThresholds#DESTINATION_BARS}
     */
    public record LabelExpectation(int examples, int predicted, int routed, int routedCorrect, List<AtBar> atBars) {
    }

    /** Routed and right out-of-fold predictions of a label at a destination's confidence bar. */
    public record AtBar(double bar, int routed, int routedCorrect) {
    }

    /**
     * The cascade's second stage, consulted for mail the first stage (words) does not route alone.
     *
     * @param encoder     where the sentence encoder is ({@code bundled:…} or a directory)
     * @param spec        how it was used (name, prefix, tokens read)
     * @param dimension   its embedding size
     * @param temperature calibration temperature of the stage's scores
     * @param thresholds  per label, the calibrated confidence from which the stage routes; {@code null}: review
     * @param expectation what the stage routed of the out-of-fold mail the first stage left to it
     */
    public record Meaning(String encoder, dk.postfordeling.classifier.encoder.EncoderSpec spec, int dimension,
            double temperature, Map<String, Double> thresholds, RoutingExpectation expectation) {
    }
}
