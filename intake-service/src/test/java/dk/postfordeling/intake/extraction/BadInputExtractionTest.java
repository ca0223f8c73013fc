package dk.postfordeling.intake.extraction;

import static dk.postfordeling.intake.Documents.document;
import static dk.postfordeling.intake.extraction.ExtractorFixture.EXTRACTOR;
import static dk.postfordeling.intake.extraction.ExtractorFixture.limits;
import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.ExtractionProblem;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.intake.Samples;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Bad input never throws and never vanishes: it comes out PARTIAL or REJECTED with a reason a
 * person can read (and the classifier sends anything but EXTRACTED to review).
 */
class BadInputExtractionTest {

    @Test
    void anEncryptedPdfIsRejectedAsEncrypted() {
        ExtractedText text = EXTRACTOR.extract(document("encrypted.pdf"), "afgift.pdf");

        assertThat(text.status()).isEqualTo(ExtractionStatus.REJECTED);
        assertThat(text.problems()).extracting(ExtractionProblem::code).containsExactly("ENCRYPTED");
        assertThat(text.problems().get(0).detail()).contains("krypteret");
    }

    @Test
    void aZipBombIsRejectedAsAZipBomb() {
        ExtractedText text = EXTRACTOR.extract(document("bilag.zip"), "bilag.zip");

        assertThat(text.status()).isEqualTo(ExtractionStatus.REJECTED);
        assertThat(text.problems()).extracting(ExtractionProblem::code).contains("ZIP_BOMB");
        assertThat(text.allText().length()).isLessThan(2_000_000);
    }

    @Test
    void malformedMimeIsReadAsFarAsPossibleAndFlagged() {
        ExtractedText text = EXTRACTOR.extract(document("malformed-mime.eml"), "ansoegning.eml");

        assertThat(text.status()).isEqualTo(ExtractionStatus.PARTIAL);
        assertThat(text.problems()).extracting(ExtractionProblem::code).contains("MALFORMED_MIME");
    }

    @Test
    void aFileWhoseNameLiesIsReadByContentAndFlagged() {
        ExtractedText text = EXTRACTOR.extract(document("byggesag.docx"), "byggesag.pdf");

        assertThat(text.status()).isEqualTo(ExtractionStatus.PARTIAL);
        assertThat(text.problems()).extracting(ExtractionProblem::code).containsExactly("WRONG_EXTENSION");
        assertThat(text.bodyText()).contains("byggetilladelse");
    }

    @Test
    void aDocumentOverTheSizeLimitIsNotParsed() {
        MailTextExtractor small = ExtractorFixture.withLimits(limits(2_048, 50, 5, Duration.ofSeconds(30)));

        ExtractedText text = small.extract(Samples.parkingComplaintWithPdf(), "klage.eml");

        assertThat(text.status()).isEqualTo(ExtractionStatus.REJECTED);
        assertThat(text.problems()).extracting(ExtractionProblem::code).containsExactly("TOO_LARGE");
    }

    @Test
    void aParserThatTakesTooLongIsCutOff() {
        MailTextExtractor impatient = ExtractorFixture.withLimits(limits(50_000_000, 50, 5, Duration.ofMillis(1)));

        ExtractedText text = impatient.extract(document("scanned-letter.pdf"), "scanning.pdf");

        assertThat(text.status()).isEqualTo(ExtractionStatus.REJECTED);
        assertThat(text.problems()).extracting(ExtractionProblem::code).containsExactly("PARSE_TIMEOUT");
    }

    @Test
    void attachmentsBeyondTheLimitAreLeftOutAndFlagged() {
        MailTextExtractor strict = ExtractorFixture.withLimits(limits(50_000_000, 1, 5, Duration.ofSeconds(30)));

        ExtractedText text = strict.extract(document("outlook-with-attachments.msg"), "besked.msg");

        assertThat(text.status()).isEqualTo(ExtractionStatus.PARTIAL);
        assertThat(text.problems()).extracting(ExtractionProblem::code).contains("TOO_MANY_ATTACHMENTS");
        assertThat(text.attachments()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void documentsNestedTooDeeplyAreLeftOutAndFlagged() {
        MailTextExtractor shallow = ExtractorFixture.withLimits(limits(50_000_000, 50, 0, Duration.ofSeconds(30)));

        ExtractedText text = shallow.extract(Samples.parkingComplaintWithPdf(), "klage.eml");

        assertThat(text.status()).isEqualTo(ExtractionStatus.PARTIAL);
        assertThat(text.problems()).extracting(ExtractionProblem::code).contains("NESTING_TOO_DEEP");
        assertThat(text.attachments()).isEmpty();
    }

    @Test
    void aVeryLongPlainTextMailIsCutAtTheTextLimitAndFlagged() {
        MailTextExtractor limited = new MailTextExtractor(org.apache.tika.config.TikaConfig.getDefaultConfig(), new LanguageGuesser(),
                new dk.postfordeling.intake.IntakeProperties.Limits(50_000_000, 1_000, 50, 5, Duration.ofSeconds(30)),
                dk.postfordeling.intake.IntakeProperties.Ocr.defaults());
        String mail = "From: a@example.org\r\nTo: kommune@kommune.example\r\nSubject: Lang\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + "Vores storskrald er ikke hentet. ".repeat(500);

        ExtractedText text = limited.extract(mail.getBytes(java.nio.charset.StandardCharsets.UTF_8), "lang.eml");

        assertThat(text.status()).isEqualTo(ExtractionStatus.PARTIAL);
        assertThat(text.problems()).extracting(ExtractionProblem::code).containsExactly("TEXT_TRUNCATED");
        assertThat(text.bodyText().length()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void bytesThatAreNoDocumentAreRejected() {
        ExtractedText text = EXTRACTOR.extract(new byte[] {0, 1, 2, 3, 4, 5}, null);

        assertThat(text.status()).isEqualTo(ExtractionStatus.REJECTED);
        assertThat(text.problems()).isNotEmpty();
    }
}
