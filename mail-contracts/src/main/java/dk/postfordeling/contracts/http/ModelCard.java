package dk.postfordeling.contracts.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dk.postfordeling.contracts.MailJson;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the classifier knows of one model version for its model card ({@code GET
 * /api/v1/models/{version}/card}): its provenance as recorded when it was trained, how it was taken
 * into use, and the version before it. Routing's workbench writes the card (Danish, HTML and PDF)
 * from this. Readers ignore fields they do not know.
 *
 * @param source       where the training data came from (file name, {@code bundled-sample}, {@code feedback})
 * @param dataSha256   hash of the training examples as trained on
 * @param feedbackRows of the rows, staff decisions (retrained versions), or {@code null}
 * @param evaluation   the figures recorded at training (cross-validated), name to value
 * @param temperature  calibration temperature
 * @param thresholds   per label, the calibrated confidence from which it is routed; {@code null}: always a person
 * @param expected     expected routed share and precision, or {@code null} for older models
 * @param slices       out-of-fold figures per slice of the training mail, or {@code null} for older models
 * @param secondStage  the sentence encoder of the cascade's second stage, or {@code null}
 * @param promotion    the shadow evaluation that took a retrained version into use, or {@code null}
 * @param previous     the version trained before this one, or {@code null} for the first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelCard(String version, Instant trainedAt, boolean current, String source, boolean sample, String dataSha256,
        int rows, Map<String, Integer> perLabel, Integer feedbackRows, Map<String, Double> evaluation, double temperature,
        Map<String, Double> thresholds, ModelOverview.Expected expected, Map<String, Slice> slices, String secondStage,
        ModelOverview.Shadow promotion, Previous previous, Map<String, String> libraries) {

    private static final JsonMapper READER = MailJson.mapper().rebuild()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    public ModelCard {
        perLabel = perLabel == null ? Map.of() : perLabel;
        evaluation = evaluation == null ? Map.of() : evaluation;
        thresholds = thresholds == null ? Map.of() : thresholds;
        libraries = libraries == null ? Map.of() : libraries;
    }

    /** Reads the classifier's answer as a tolerant reader. */
    public static ModelCard read(String json) {
        return READER.readValue(json, ModelCard.class);
    }

    /** One slice of the training mail, out of fold. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Slice(int examples, double accuracy, double routedShare) {
    }

    /** The version trained before, for what changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Previous(String version, Instant trainedAt, int rows, Map<String, Integer> perLabel, Double routedShare,
            Double precision) {

        public Previous {
            perLabel = perLabel == null ? Map.of() : perLabel;
        }
    }
}
