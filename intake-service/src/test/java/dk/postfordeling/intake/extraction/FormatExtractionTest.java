package dk.postfordeling.intake.extraction;

import static dk.postfordeling.intake.Documents.document;
import static dk.postfordeling.intake.extraction.ExtractorFixture.EXTRACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.AttachmentText;
import dk.postfordeling.contracts.ExtractionStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every office and text format a citizen sends comes out as clean Danish text. */
class FormatExtractionTest {

    private static final String BUILDING = "Vi ansøger hermed om byggetilladelse til en tilbygning på 24 m² til vores parcelhus på Æblevej 7.";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"byggesag.docx", "byggesag.doc", "byggesag.odt", "byggesag.rtf", "byggesag-windows-1252.html"})
    void readsOfficeDocumentsAndHtml(String file) {
        ExtractedText text = EXTRACTOR.extract(document(file), file);

        assertThat(text.status()).as("problems %s", text.problems()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(text.bodyText().replaceAll("\\s+", " ")).contains(BUILDING).contains("Søren og Åse Østergaard");
        assertThat(text.language()).isEqualTo("da");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"snerydning-iso-8859-1.txt", "snerydning-utf-16.txt"})
    void readsPlainTextInAnyCharset(String file) {
        ExtractedText text = EXTRACTOR.extract(document(file), file);

        assertThat(text.status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(text.bodyText()).contains("vejen på Ørnevej ikke er blevet ryddet for sne", "ældre naboer", "Børge Ærøe");
    }

    @Test
    void readsAnOutlookMessageWithItsAttachments() {
        ExtractedText text = EXTRACTOR.extract(document("outlook-with-attachments.msg"), "besked.msg");

        assertThat(text.subject()).isEqualTo("test pièce jointe 1");
        assertThat(text.bodyText()).contains("contenu");
        assertThat(text.attachments()).extracting(AttachmentText::name).contains("test-unicode.doc", "pj1.txt");
        assertThat(text.attachments()).filteredOn(a -> "pj1.txt".equals(a.name()))
                .singleElement().satisfies(a -> assertThat(a.text()).contains("école", "€"));
        assertThat(text.attachments()).filteredOn(a -> "test-unicode.doc".equals(a.name()))
                .singleElement().satisfies(a -> assertThat(a.text()).contains("école"));
    }

    @Test
    void marksQuotedCorrespondenceAndTheSignature() {
        String body = "Tak for svaret. Jeg sender tegningerne i morgen.\n\n-- \nPer Madsen\nTlf. 12 34 56 78\n\n"
                + "Den 2. nov. 2026 kl. 10.12 skrev Byggesag <byg@kommune.example>:\n> Vi mangler tegninger af tilbygningen.\n";

        String marked = TextNormaliser.normaliseBody(body);

        assertThat(marked).startsWith("Tak for svaret. Jeg sender tegningerne i morgen.")
                .contains(TextNormaliser.SIGNATURE_MARKER + "\nPer Madsen")
                .contains(TextNormaliser.QUOTED_MARKER + "\nDen 2. nov. 2026")
                .contains("Vi mangler tegninger af tilbygningen.")
                .doesNotContain("> Vi mangler");
        assertThat(marked.indexOf(TextNormaliser.QUOTED_MARKER)).isGreaterThan(marked.indexOf("tegningerne i morgen"));
    }

    @Test
    void joinsWordsHyphenatedAcrossLines() {
        assertThat(TextNormaliser.normalise("Jeg har fået en parkerings-\nafgift i går.")).isEqualTo("Jeg har fået en parkeringsafgift i går.");
    }
}
