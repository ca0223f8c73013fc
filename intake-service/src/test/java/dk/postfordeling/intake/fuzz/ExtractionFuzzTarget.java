package dk.postfordeling.intake.fuzz;

import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.intake.IntakeProperties;
import dk.postfordeling.intake.extraction.ExtractedText;
import dk.postfordeling.intake.extraction.LanguageGuesser;
import dk.postfordeling.intake.extraction.MailTextExtractor;
import java.time.Duration;
import org.apache.tika.config.TikaConfig;

/**
 * Fuzz target of {@code bench/fuzz.sh} (Jazzer): any bytes, as any channel could deliver them, go
 * through the extractor. Its promise is never to throw, whatever the input — a bad document ends
 * PARTIAL or REJECTED with its problems, so the mail still reaches a person. OCR is off: it runs
 * an external program and would only slow the campaign.
 */
public final class ExtractionFuzzTarget {

    static final MailTextExtractor EXTRACTOR = new MailTextExtractor(TikaConfig.getDefaultConfig(), new LanguageGuesser(),
            new IntakeProperties.Limits(52_428_800L, 2_000_000, 50, 5, Duration.ofSeconds(20)),
            new IntakeProperties.Ocr(false, "dan+eng", 1, Duration.ofSeconds(10)));

    private ExtractionFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] input) {
        check(EXTRACTOR.extract(input, null));
    }

    /** The result's own promises: a status, problems exactly when not EXTRACTED, text never null. */
    static void check(ExtractedText text) {
        if (text == null || text.status() == null || text.problems() == null || text.bodyText() == null
                || text.attachments() == null || text.language() == null) {
            throw new IllegalStateException("incomplete extraction result: " + text);
        }
        if ((text.status() == ExtractionStatus.EXTRACTED) != text.problems().isEmpty()) {
            throw new IllegalStateException("status " + text.status() + " with problems " + text.problems());
        }
    }
}
