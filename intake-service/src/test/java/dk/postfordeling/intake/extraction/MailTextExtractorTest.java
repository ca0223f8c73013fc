package dk.postfordeling.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.intake.Samples;
import org.junit.jupiter.api.Test;

class MailTextExtractorTest {

    private static final MailTextExtractor extractor = ExtractorFixture.EXTRACTOR;

    @Test
    void extractsSubjectBodyAndPdfAttachmentOfAnEmail() {
        ExtractedText text = extractor.extract(Samples.parkingComplaintWithPdf(), null);

        assertThat(text.status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(text.problems()).isEmpty();
        assertThat(text.subject()).isEqualTo("Klage over parkeringsafgift på Vesterbrogade");
        assertThat(text.bodyText()).contains("Jeg har fået en parkeringsafgift på Vesterbrogade")
                .doesNotContain("Kontrolafgift nr.");
        assertThat(text.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.name()).isEqualTo("kontrolafgift.pdf");
            assertThat(attachment.mediaType()).isEqualTo("application/pdf");
            assertThat(attachment.text()).contains("Kontrolafgift nr. 2026-118734", "Parkering uden gyldig P-licens");
        });
        assertThat(text.language()).isEqualTo("da");
    }

    @Test
    void readsTheBodyOfAPlainAndHtmlAlternativeMailOnce() {
        ExtractedText text = extractor.extract(Samples.bulkyWastePickup(), null);

        assertThat(text.subject()).isEqualTo("Afhentning af storskrald");
        assertThat(text.bodyText().split("Vores storskrald blev ikke afhentet", -1)).hasSize(2);
        assertThat(text.attachments()).isEmpty();
        assertThat(text.status()).isEqualTo(ExtractionStatus.EXTRACTED);
    }
}
