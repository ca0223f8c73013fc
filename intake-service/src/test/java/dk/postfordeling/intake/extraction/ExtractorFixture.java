package dk.postfordeling.intake.extraction;

import dk.postfordeling.intake.IntakeProperties;
import java.time.Duration;
import org.apache.tika.config.TikaConfig;

/** One extractor for all extraction tests: Tika's default configuration, default limits, OCR on. */
final class ExtractorFixture {

    static final MailTextExtractor EXTRACTOR = new MailTextExtractor(TikaConfig.getDefaultConfig(), new LanguageGuesser(),
            IntakeProperties.Limits.defaults(), IntakeProperties.Ocr.defaults());

    private ExtractorFixture() {
    }

    static MailTextExtractor withLimits(IntakeProperties.Limits limits) {
        return new MailTextExtractor(TikaConfig.getDefaultConfig(), new LanguageGuesser(), limits, IntakeProperties.Ocr.defaults());
    }

    static IntakeProperties.Limits limits(long maxBytes, int maxAttachments, int maxDepth, Duration timeout) {
        return new IntakeProperties.Limits(maxBytes, 2_000_000, maxAttachments, maxDepth, timeout);
    }
}
