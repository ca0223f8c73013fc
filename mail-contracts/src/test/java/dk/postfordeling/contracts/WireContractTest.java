package dk.postfordeling.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class WireContractTest {

    static Stream<Topic<?>> topics() {
        return Topics.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void everyMessageRoundTripsThroughItsSchema(Topic<?> topic) {
        roundTrip(topic, SampleMessages.sampleFor(topic));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void releasedV1FixturesStillValidateAndRead(Topic<?> topic) throws IOException {
        String fixture = fixture(topic);

        assertThat(MessageSchemas.validate(topic, fixture)).isEmpty();
        Object message = topic.serde().deserialize(topic.name(), fixture.getBytes(StandardCharsets.UTF_8));
        assertThat(message).isInstanceOf(topic.valueType());
        assertThat(message.toString()).contains("mailId=");
        // What reads today is written back so that it still satisfies v1.
        roundTrip(topic, message);
    }

    @Test
    void aClassificationWrittenBeforeContentWasAddedReadsWithoutIt() throws IOException {
        MailClassified read = Topics.MAIL_CLASSIFIED.serde().deserialize("t",
                fixture(Topics.MAIL_CLASSIFIED).getBytes(StandardCharsets.UTF_8));

        assertThat(read.content()).isNull();
        assertThat(SampleMessages.parkingComplaintClassified().content().text()).contains("parkeringsafgift");
    }

    @Test
    void aMessageWithoutMailIdBreaksTheSchema() throws IOException {
        ObjectNode json = (ObjectNode) MailJson.mapper().readTree(fixture(Topics.MAIL_ROUTED));
        json.remove("mailId");

        assertThat(MessageSchemas.validate(Topics.MAIL_ROUTED, json.toString())).isNotEmpty();
    }

    @Test
    void aConsumerIgnoresFieldsAddedByANewerProducer() throws IOException {
        ObjectNode json = (ObjectNode) MailJson.mapper().readTree(fixture(Topics.MAIL_RECEIVED));
        json.put("addedInAMinorVersion", "x");

        MailReceived read = Topics.MAIL_RECEIVED.serde().deserialize("t", json.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(read.sizeBytes()).isEqualTo(48213);
        assertThat(read.channel()).isEqualTo(Channel.UPLOAD);
    }

    @Test
    void unreadableRecordFailsWithoutQuotingItsContent() {
        byte[] garbage = "{\"mailId\": \"010203-1234 Kære kommune".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Topics.MAIL_EXTRACTED.serde().deserialize("mail.extracted.v1", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageNotContaining("010203")
                .hasMessageNotContaining("Kære");
    }

    @Test
    void mailIdIsStableForTheSameContent() {
        String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

        assertThat(MailId.forContent(sha)).isEqualTo(MailId.forContent(sha));
        assertThat(MailId.forContent(sha)).isNotEqualTo(MailId.forContent(sha.replace('9', '8')));
    }

    @Test
    void everyTopicNameCarriesItsMajorVersionAndHasADeadLetterCompanion() {
        assertThat(Topics.ALL).allSatisfy(topic -> {
            assertThat(topic.name()).matches("mail\\.[a-z-]+\\.v1");
            assertThat(topic.deadLetterName()).isEqualTo(topic.name() + ".dlt");
        });
        assertThat(Topics.allNamesWithDeadLetters()).hasSize(Topics.ALL.size() * 2).doesNotHaveDuplicates();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void roundTrip(Topic topic, Object message) {
        byte[] bytes = topic.serde().serialize(topic.name(), message);
        String json = new String(bytes, StandardCharsets.UTF_8);

        assertThat(MessageSchemas.validate(topic, json)).as("schema problems of %s", json).isEmpty();
        assertThat(topic.serde().deserialize(topic.name(), bytes)).isEqualTo(message);
    }

    private static String fixture(Topic<?> topic) throws IOException {
        String file = topic.schemaPath().substring(topic.schemaPath().lastIndexOf('/') + 1).replace(".schema", "");
        try (InputStream in = WireContractTest.class.getResourceAsStream("/fixtures/v1/" + file)) {
            assertThat(in).as("v1 fixture %s", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
