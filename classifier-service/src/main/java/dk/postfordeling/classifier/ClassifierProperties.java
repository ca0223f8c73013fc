package dk.postfordeling.classifier;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Classifier configuration.
 *
 * @param modelDir           the model directory (one sub-directory per version, {@code CURRENT} names the one in use)
 * @param routeThreshold     smallest top probability that routes without a person, for models without their own
 *                           per-label thresholds (release 1); newer models carry thresholds chosen by cross-validation
 * @param minKnownWordShare  smallest share of a mail's words that must be known from training, else REVIEW
 * @param topK               how many labels each {@code MailClassified} carries
 * @param bootstrapSample    train a first model from the bundled SAMPLE data when the model directory is empty
 * @param attachmentChars    characters of each attachment's text that count toward the prediction
 * @param encoder            the pretrained sentence encoder of the cascade's second stage for models trained
 *                           here: {@code bundled:all-minilm-l6-v2-q}, a directory (see docs/classifier.md),
 *                           or {@code none} for no second stage
 * @param modelCheckInterval how often the service looks whether another model version was made current
 */
@Validated
@ConfigurationProperties("postfordeling.classifier")
public record ClassifierProperties(
        @NotNull Path modelDir,
        @DefaultValue("0.80") @DecimalMin("0.0") @DecimalMax("1.0") double routeThreshold,
        @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double minKnownWordShare,
        @DefaultValue("3") @Min(1) int topK,
        @DefaultValue("true") boolean bootstrapSample,
        @DefaultValue("2000") @Min(0) int attachmentChars,
        @DefaultValue(dk.postfordeling.classifier.encoder.SentenceEncoder.BUNDLED) @NotNull String encoder,
        @DefaultValue("PT5S") @NotNull Duration modelCheckInterval) {

    /** The defaults, for the command line. */
    public static ClassifierProperties defaults(Path modelDir) {
        return new ClassifierProperties(modelDir, 0.80, 0.5, 3, false, 2000, dk.postfordeling.classifier.encoder.SentenceEncoder.BUNDLED,
                Duration.ofSeconds(5));
    }

    /** The training options for models trained by the service, with its encoder. */
    public dk.postfordeling.classifier.model.TrainingOptions trainingOptions() {
        return dk.postfordeling.classifier.model.TrainingOptions.defaults().withEncoder("none".equals(encoder) ? null : encoder);
    }
}
