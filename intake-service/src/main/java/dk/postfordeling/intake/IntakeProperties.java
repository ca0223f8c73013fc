package dk.postfordeling.intake;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Intake configuration.
 *
 * @param blobStoreDir     where originals are stored (content-addressed); shared read-only with routing
 * @param publishTimeout   how long an upload waits for Kafka to confirm {@code MailReceived} before failing
 * @param maxTextChars     most characters of text kept per document; longer text is cut and the mail marked PARTIAL
 * @param maxAttachments   most attachments (embedded documents) extracted per mail
 */
@Validated
@ConfigurationProperties("postfordeling.intake")
public record IntakeProperties(
        @NotNull Path blobStoreDir,
        @DefaultValue("10s") Duration publishTimeout,
        @DefaultValue("2000000") @Min(1000) int maxTextChars,
        @DefaultValue("50") @Min(1) int maxAttachments) {
}
