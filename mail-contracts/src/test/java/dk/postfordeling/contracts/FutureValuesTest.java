package dk.postfordeling.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Rolling upgrades: a newer producer may write a channel, destination kind, decision or extraction
 * status that an older consumer does not know. Every consumer reads through its topic's serde; there
 * such a value reads as {@code UNKNOWN} (channel, destination) or as the safe choice (REVIEW,
 * PARTIAL: a person sees the mail) instead of failing the record into a dead-letter topic.
 */
class FutureValuesTest {

    private static final String FUTURE = "A_VALUE_FROM_THE_FUTURE";

    @Test
    void aClassificationFromANewerClassifierReads() throws IOException {
        MailClassified read = read(Topics.MAIL_CLASSIFIED, "mail-classified.json", "\"channel\": \"UPLOAD\"", "\"decision\": \"ROUTE\"");

        assertThat(read.channel()).isEqualTo(Channel.UNKNOWN);
        assertThat(read.decision()).as("a decision it does not know goes to a person").isEqualTo(Decision.REVIEW);
    }

    @Test
    void aDeliveryToANewKindOfDestinationReads() throws IOException {
        MailRouted read = read(Topics.MAIL_ROUTED, "mail-routed.json", "\"type\": \"FUNCTION_MAILBOX\"");

        assertThat(read.destination().type()).isEqualTo(DestinationType.UNKNOWN);
        assertThat(read.mailId()).as("retention still knows which original").isNotNull();
    }

    @Test
    void anExtractionWithANewStatusFromANewChannelReads() throws IOException {
        TextExtracted read = read(Topics.MAIL_EXTRACTED, "text-extracted.json", "\"channel\": \"DIGITAL_POST\"", "\"status\": \"PARTIAL\"");

        assertThat(read.channel()).isEqualTo(Channel.UNKNOWN);
        assertThat(read.status()).as("a status it does not know goes to a person").isEqualTo(ExtractionStatus.PARTIAL);
    }

    @Test
    void anArrivalFromANewChannelReads() throws IOException {
        MailReceived read = read(Topics.MAIL_RECEIVED, "mail-received.json", "\"channel\": \"UPLOAD\"");

        assertThat(read.channel()).isEqualTo(Channel.UNKNOWN);
    }

    /** The released fixture with each of {@code fields} given a value no release has, read by the topic's serde. */
    private static <T> T read(Topic<T> topic, String fixture, String... fields) throws IOException {
        String json;
        try (InputStream in = FutureValuesTest.class.getResourceAsStream("/fixtures/v1/" + fixture)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String field : fields) {
            assertThat(json).as("fixture %s has %s", fixture, field).contains(field);
            json = json.replace(field, field.substring(0, field.indexOf(':') + 1) + " \"" + FUTURE + "\"");
        }
        return topic.serde().deserialize(topic.name(), json.getBytes(StandardCharsets.UTF_8));
    }
}
