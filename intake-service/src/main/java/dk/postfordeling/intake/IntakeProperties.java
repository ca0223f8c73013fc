package dk.postfordeling.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Intake configuration.
 *
 * @param blobStoreDir    where originals are stored (content-addressed); shared read-only with routing
 * @param publishTimeout  how long the journal relay waits for Kafka to confirm one batch
 * @param limits          extraction limits
 * @param ocr             optical character recognition of scanned pages
 */
@Validated
@ConfigurationProperties("postfordeling.intake")
public record IntakeProperties(
        @NotNull Path blobStoreDir,
        @DefaultValue("10s") Duration publishTimeout,
        @Valid @DefaultValue Limits limits,
        @Valid @DefaultValue Ocr ocr) {

    /**
     * Limits that keep one bad document from hurting the service. A document over a limit is not
     * dropped: it ends PARTIAL or REJECTED with the reason, and a person sees it.
     *
     * @param maxDocumentBytes largest original that is parsed (larger ones are stored and sent to review)
     * @param maxTextChars     most characters of text kept per document
     * @param maxAttachments   most embedded documents (attachments, nested mails) extracted per mail
     * @param maxNestingDepth  deepest nesting of embedded documents that is read
     * @param parseTimeout     longest time one mail's extraction may take
     */
    public record Limits(
            @DefaultValue("52428800") @Min(1024) long maxDocumentBytes,
            @DefaultValue("2000000") @Min(1000) int maxTextChars,
            @DefaultValue("50") @Min(1) int maxAttachments,
            @DefaultValue("5") @Min(1) int maxNestingDepth,
            @DefaultValue("60s") Duration parseTimeout) {

        public static Limits defaults() {
            return new Limits(52_428_800L, 2_000_000, 50, 5, Duration.ofSeconds(60));
        }
    }

    /**
     * OCR with Tesseract for images and PDF pages without a text layer.
     *
     * @param enabled    whether to OCR at all (needs the tesseract program)
     * @param language   Tesseract languages, e.g. {@code dan+eng}
     * @param maxPages   most pages of one PDF that are OCR'd
     * @param timeout    longest time for one image
     */
    public record Ocr(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("dan+eng") @NotBlank String language,
            @DefaultValue("20") @Min(1) int maxPages,
            @DefaultValue("120s") Duration timeout) {

        public static Ocr defaults() {
            return new Ocr(true, "dan+eng", 20, Duration.ofSeconds(120));
        }
    }
}
