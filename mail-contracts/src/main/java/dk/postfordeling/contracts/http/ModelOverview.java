package dk.postfordeling.contracts.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dk.postfordeling.contracts.MailJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The classifier's model API ({@code GET /api/v1/models}) as both sides read it: the model in use,
 * retraining's state and the newest versions, each with what it is expected to route and how it
 * fared against the model in use. Routing's admin page shows it. Readers ignore fields they do not
 * know, so the classifier can add figures before routing shows them.
 *
 * @param current         the version in use, or {@code null} before the first model
 * @param retraining      retraining's state in Danish, for people
 * @param retrainingState {@code IDLE}, {@code RUNNING} or {@code FAILED}
 * @param versions        newest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelOverview(String current, String retraining, String retrainingState, List<Version> versions) {

    /** Missing numbers read as 0 and missing flags as false: an older classifier may not write every figure. */
    private static final JsonMapper READER = MailJson.mapper().rebuild()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    public ModelOverview {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** Reads an answer of the model API as a tolerant reader: unknown fields are ignored, missing figures are 0. */
    public static ModelOverview read(String json) {
        return READER.readValue(json, ModelOverview.class);
    }

    /**
     * One model version.
     *
     * @param rows         training examples
     * @param feedbackRows of those, staff decisions (retrained versions only)
     * @param expected     from its cross-validation; {@code null} for models trained before it was recorded
     * @param shadow       its comparison with the model in use; {@code null} for versions not retrained
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Version(String version, Instant trainedAt, int rows, String source, boolean sample, int labels,
            boolean current, Expected expected, Integer feedbackRows, Shadow shadow) {
    }

    /**
     * What a version is expected to route, known before it is used: the share of its training mail its
     * thresholds routed in cross-validation and the precision of that, at the target it was trained for.
     *
     * @param perLabel per label; {@code null} for models trained before it was recorded
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Expected(double targetPrecision, double routedShare, double precision, Map<String, LabelFigures> perLabel) {
    }

    /**
     * One label's out-of-fold mail.
     *
     * @param atBars what would be routed at each recorded confidence bar ("0.9", "0.95", "0.98", "0.99")
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LabelFigures(int predicted, int routed, int routedCorrect, Map<String, Routed> atBars) {
    }

    /** Mail routed, and how much of it rightly. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Routed(int routed, int routedCorrect) {
    }

    /**
     * A retrained version compared with the model in use on the newest staff decisions.
     *
     * @param verdict {@code PROMOTED} or {@code REJECTED}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shadow(String candidateVersion, String currentVersion, int examples, double candidateAccuracy,
            double currentAccuracy, int candidateWronglyRouted, int currentWronglyRouted, double candidateRoutedShare,
            double currentRoutedShare, int trainedOnDecisions, String verdict, Instant evaluatedAt) {
    }

    /** The answer to {@code POST /api/v1/models/retraining}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RetrainingAnswer(String message) {
    }
}
