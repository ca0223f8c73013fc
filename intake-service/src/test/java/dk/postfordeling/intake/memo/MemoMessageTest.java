package dk.postfordeling.intake.memo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.RoutingHints;
import dk.postfordeling.intake.Documents;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MemoMessageTest {

    /** Every header element, with namesakes in other places: only the schema's places count. */
    @Test
    void aFullMessageIsReadByNamespaceAndPlace() {
        byte[] xml = Documents.memo("memo-1.2-full-header.xml");

        MemoMessage memo = MemoMessage.parse(xml).orElseThrow();

        assertThat(memo.memoVersion()).isEqualTo("1.2");
        assertThat(memo.messageUuid()).isEqualTo("b8f2c6a4-1d3e-4f5a-9b7c-2e4d6f8a0c13");
        assertThat(memo.label()).isEqualTo("Spørgsmål om byggetilladelse til carport");
        assertThat(memo.senderIdType()).isEqualTo("CPR");
        assertThat(memo.hints()).isEqualTo(new RoutingHints("02.34.02", "02.34.02-P19-1234-26", "CPR",
                "Spørgsmål om byggetilladelse til carport", "SBSYS"));
        assertThat(memo.files()).hasSize(2);
        assertThat(memo.files().get(0).main()).isTrue();
        assertThat(memo.files().get(0).filename()).isEqualTo("spoergsmaal.txt");
        assertThat(memo.files().get(0).language()).isEqualTo("da");
        assertThat(new String(memo.files().get(0).content(), StandardCharsets.UTF_8)).startsWith("Jeg vil gerne bygge en carport");
        assertThat(memo.files().get(1).main()).isFalse();
        assertThat(new String(memo.files().get(1).content(), StandardCharsets.UTF_8)).isEqualTo("Carport, 3 x 10 meter, mod vejen.\n");
        assertThat(MemoMessage.readMessageUuid(new ByteArrayInputStream(xml))).contains("b8f2c6a4-1d3e-4f5a-9b7c-2e4d6f8a0c13");
    }

    /** KLE data in the MeMo namespace is not where the schema puts it, but an older sender's message is still read. */
    @Test
    void kleDataInTheMemoNamespaceIsStillRead() {
        String xml = new String(Documents.memo("memo-1.2-full-header.xml"), StandardCharsets.UTF_8)
                .replace("kle:KLEdata", "memo:KLEdata").replace("kle:subjectKey", "memo:subjectKey");

        assertThat(MemoMessage.parse(xml.getBytes(StandardCharsets.UTF_8)).orElseThrow().kleNumber()).isEqualTo("02.34.02");
    }

    @Test
    void aSubjectKeyInAnotherNamespaceOrPlaceIsNotTheKleKey() {
        String xml = new String(Documents.memo("memo-1.2-full-header.xml"), StandardCharsets.UTF_8)
                .replace("<kle:subjectKey>02.34.02</kle:subjectKey>", "");

        MemoMessage memo = MemoMessage.parse(xml.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(memo.kleNumber()).isNull();
        assertThat(memo.caseId()).isEqualTo("02.34.02-P19-1234-26");
    }

    @Test
    void xmlThatIsNotMemoIsRefused() {
        assertThat(MemoMessage.parse("<Message><MessageHeader/></Message>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MemoMessage.parse("<memo:Message xmlns:memo=\"https://DigitalPost.dk/MeMo-1\">".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MemoMessage.readMessageUuid(new ByteArrayInputStream("<a/>".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }
}
