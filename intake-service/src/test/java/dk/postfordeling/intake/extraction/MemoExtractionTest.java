package dk.postfordeling.intake.extraction;

import static dk.postfordeling.intake.Documents.memo;
import static dk.postfordeling.intake.extraction.ExtractorFixture.EXTRACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.RoutingHints;
import dk.postfordeling.intake.memo.MemoMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Digital Post: MeMo 1.1 and 1.2 messages are unpacked and their header becomes routing hints. */
class MemoExtractionTest {

    @Test
    void readsTheMinimumExampleAndFlagsTheFileThatIsNotWhatItsTypeSays() {
        ExtractedText text = EXTRACTOR.extract(memo("MeMo_Minimum_Example.xml"), "memo.xml");

        assertThat(text.subject()).isEqualTo("Pladsanvisning");
        assertThat(text.bodyText()).contains("This is a test");
        assertThat(text.hints()).isEqualTo(new RoutingHints(null, null, "CVR", "Pladsanvisning"));
        // The file is declared application/pdf and named .pdf but holds plain text.
        assertThat(text.status()).isEqualTo(ExtractionStatus.PARTIAL);
        assertThat(text.problems()).extracting(p -> p.code()).contains("WRONG_EXTENSION");
    }

    /** Two words say too little to guess a language from; the sender's declared language is used. */
    @Test
    void aShortDanishMessageCarriesTheLanguageItsSenderDeclared() {
        String shortBody = java.util.Base64.getEncoder().encodeToString("Ring venligst.".getBytes(StandardCharsets.UTF_8));
        String xml = new String(memo("memo-1.2-full-header.xml"), StandardCharsets.UTF_8)
                .replace("SmVnIHZpbCBnZXJuZSBieWdnZSBlbiBjYXJwb3J0IHDDpSAzMCBtMi4gU2thbCBqZWcgc8O4Z2Ugb20gYnlnZ2V0aWxsYWRlbHNlPwo=", shortBody)
                .replace("<memo:label>Spørgsmål om byggetilladelse til carport</memo:label>", "<memo:label>Hej</memo:label>");

        ExtractedText text = EXTRACTOR.extract(xml.getBytes(StandardCharsets.UTF_8), "memo.xml");

        assertThat(text.bodyText()).isEqualTo("Ring venligst.");
        assertThat(text.language()).isEqualTo("da");
        assertThat(text.hints().kleNumber()).isEqualTo("02.34.02");
        assertThat(text.hints().caseSystem()).isEqualTo("SBSYS");
    }

    @Test
    void readsEveryFileOfTheMainDocument() {
        ExtractedText text = EXTRACTOR.extract(memo("MeMo_with_attachment.xml"), "memo.xml");

        assertThat(text.status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(text.subject()).isEqualTo("Label Text");
        assertThat(text.bodyText()).contains("File content 1").contains("File content 2");
    }

    @Test
    void carriesKleSubjectKeyCaseIdAndSenderTypeOfAMemo11MessageAndReadsItsPdf() {
        ExtractedText text = EXTRACTOR.extract(memo("memo-1.1-with-contentdata.xml"), "memo.xml");

        assertThat(text.status()).as("problems %s", text.problems()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(text.hints()).isEqualTo(new RoutingHints("05.13.04", "05.13.04-G01-112-26", "CPR", "Klage over kontrolafgift", "SBSYS"));
        assertThat(text.bodyText()).contains("Jeg klager hermed over kontrolafgiften");
        assertThat(text.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Kontrolafgift.pdf");
            assertThat(a.mediaType()).isEqualTo("application/pdf");
            assertThat(a.text()).contains("Kontrolafgift nr. 2026-118734");
        });
    }

    @Test
    void parsesBothVersionsAndRefusesEntities() {
        assertThat(MemoMessage.parse(memo("memo-1.1-with-contentdata.xml")).orElseThrow().memoVersion()).isEqualTo("1.1");
        assertThat(MemoMessage.parse(memo("MeMo_Minimum_Example.xml")).orElseThrow().memoVersion()).isEqualTo("1.2");
        String withEntity = """
                <?xml version="1.0"?>
                <!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1" memoVersion="1.2"><memo:MessageHeader>
                <memo:label>&x;</memo:label></memo:MessageHeader><memo:MessageBody/></memo:Message>""";
        assertThat(MemoMessage.parse(withEntity.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void xmlThatIsNotMemoIsNotMistakenForIt() {
        assertThat(MemoMessage.parse("<a xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
