package dk.postfordeling.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.AttachmentText;
import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.TextExtracted;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordBudgetTest {

    private static TextExtracted mail(String body, String... attachments) {
        return new TextExtracted(new MailId(UUID.fromString("6f1c0c5e-2c7a-4f7e-9d0b-3d5c2f1a9b11")), Channel.UPLOAD,
                "sha256:ab", "Emne", body,
                java.util.Arrays.stream(attachments).map(t -> new AttachmentText("bilag.txt", "text/plain", t)).toList(),
                "da", ExtractionStatus.EXTRACTED, List.of(), 0, null, Instant.parse("2026-11-29T10:00:00Z"));
    }

    @Test
    void aMailThatFitsIsLeftAsItIs() {
        TextExtracted small = mail("Kort tekst.", "Et bilag.");

        assertThat(RecordBudget.fit(small, 1_000_000)).isSameAs(small);
    }

    @Test
    void aLongMailIsCutBelowTheLimitLastAttachmentFirstAndMarked() {
        String body = "Brødtekst med æøå. ".repeat(1_000);
        TextExtracted big = mail(body, "første bilag ".repeat(10_000), "ÆØÅ\n\t\"".repeat(200_000));

        TextExtracted fitted = RecordBudget.fit(big, 300_000);

        assertThat(RecordBudget.sizeOf(fitted)).isLessThanOrEqualTo(300_000 - RecordBudget.CLASSIFIER_HEADROOM_BYTES);
        // Booleans, so that a failure does not print megabytes of text.
        assertThat(fitted.bodyText().equals(body)).as("body kept whole").isTrue();
        assertThat(fitted.attachments().get(0).text().equals(big.attachments().get(0).text())).as("first attachment kept").isTrue();
        assertThat(big.attachments().get(1).text().startsWith(fitted.attachments().get(1).text())).as("last attachment cut").isTrue();
        assertThat(fitted.attachments().get(1).text().length()).isBetween(1, big.attachments().get(1).text().length() - 1);
        assertThat(fitted.status()).isEqualTo(ExtractionStatus.PARTIAL);
        assertThat(fitted.problems()).extracting(p -> p.code()).containsExactly("TEXT_TRUNCATED");
    }

    @Test
    void shorteningNeverSplitsACharacter() {
        String emoji = "a\uD83D\uDE00b"; // a, 😀 (four bytes of UTF-8), b

        assertThat(RecordBudget.shorten(emoji, new long[] {2})).isEqualTo("a");
        assertThat(RecordBudget.shorten(emoji, new long[] {1})).isEqualTo("a\uD83D\uDE00");
        assertThat(RecordBudget.jsonLength("æ\uD83D\uDE00")).isEqualTo(
                "\"æ\uD83D\uDE00\"".getBytes(StandardCharsets.UTF_8).length);
    }
}
