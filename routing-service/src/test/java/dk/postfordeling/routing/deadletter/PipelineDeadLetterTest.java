package dk.postfordeling.routing.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.Destination;
import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.MailReceived;
import dk.postfordeling.contracts.MailRouted;
import dk.postfordeling.contracts.TextExtracted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.routing.RoutingTestParts;
import dk.postfordeling.testing.KafkaTestConsumer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A record that fails at any stage ends with a person (or, for later stages, listed and replayable). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "postfordeling.routing.blob-store-dir=${java.io.tmpdir}/postfordeling-routing-test/${random.uuid}",
        "postfordeling.kafka.partitions=1",
        "postfordeling.kafka.retry-attempts=1",
        "postfordeling.routing.poll-interval=50ms",
        "postfordeling.routing.metrics-interval=200ms"})
@EmbeddedKafka(partitions = 1)
@DirtiesContext // closed while its embedded broker still runs, not at JVM exit
class PipelineDeadLetterTest {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        RoutingTestParts.register(registry);
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailIntakeCouldNotExtractIsInTheReviewQueueWithTheStageAndCause() throws Exception {
        MailId id = new MailId(UUID.randomUUID());
        MailReceived received = new MailReceived(id, Channel.DIGITAL_POST, Instant.now(), "file:/blobs/ab/abcd", "application/xml",
                1_300_000, "abcd", "memo.xml", null);

        send(Topics.MAIL_RECEIVED.deadLetterName(), id.toString(), received, "org.apache.kafka.common.errors.RecordTooLargeException");

        String reasons = await().atMost(Duration.ofSeconds(30)).until(() -> reviewReasons(id.value()), r -> r != null);
        assertThat(reasons).contains("PIPELINE_FAILED", "tekstudtræk (intake)", "RecordTooLargeException");
        assertThat(jdbc.sql("select original_ref || ' ' || channel from review_item where mail_id = :id").param("id", id.value())
                .query(String.class).single()).isEqualTo("file:/blobs/ab/abcd DIGITAL_POST");
        assertThat(jdbc.sql("select outcome from routing_outcome where mail_id = :id").param("id", id.value())
                .query(String.class).single()).isEqualTo("REVIEW");
        // The reviewer sees the reason, and no suggestion of a label nobody predicted.
        assertThat(http("GET", "/api/v1/reviews/" + id, "rv_anna").body()).contains("tekstudtræk (intake)");
        dk.postfordeling.routing.web.WebSession reviewer = new dk.postfordeling.routing.web.WebSession(port);
        reviewer.signIn("rv_anna", RoutingTestParts.PASSWORD);
        assertThat(reviewer.get("/mail/" + id).statusCode()).as("the mail page of a mail whose original is gone").isEqualTo(200);
        assertThat(jdbc.sql("select suggestions::text from review_item where mail_id = :id").param("id", id.value())
                .query(String.class).single()).isEqualTo("[]");
    }

    @Test
    void aMailTheClassifierCouldNotHandleIsInTheReviewQueueWithItsText() {
        MailId id = new MailId(UUID.randomUUID());
        TextExtracted extracted = new TextExtracted(id, Channel.UPLOAD, "file:/blobs/cd/cdef", "Ansøgning om byggetilladelse",
                "Vi vil bygge en carport.", List.of(), "da", ExtractionStatus.EXTRACTED, List.of(), 0, null, Instant.now());

        send(Topics.MAIL_EXTRACTED.deadLetterName(), id.toString(), extracted, "java.lang.IllegalStateException");

        String reasons = await().atMost(Duration.ofSeconds(30)).until(() -> reviewReasons(id.value()), r -> r != null);
        assertThat(reasons).contains("klassifikation", "IllegalStateException");
        assertThat(jdbc.sql("select classified->'content'->>'subject' from routing_task where mail_id = :id").param("id", id.value())
                .query(String.class).single()).isEqualTo("Ansøgning om byggetilladelse");
    }

    /** A real failure in routing itself: an unreadable record goes through Spring's dead-letter publisher, then to a person. */
    @Test
    void anUnreadableClassifiedRecordEndsInTheReviewQueueNamingWhereItLies() throws Exception {
        UUID id = UUID.randomUUID();

        kafka.send(new ProducerRecord<>(Topics.MAIL_CLASSIFIED.name(), id.toString(), (Object) "{not json".getBytes(StandardCharsets.UTF_8)))
                .join();

        String reasons = await().atMost(Duration.ofSeconds(30)).until(() -> reviewReasons(id), r -> r != null);
        assertThat(reasons).contains("modtagelse i fordelingen", "mail.classified.v1.dlt", "offset");
        assertThat(jdbc.sql("select channel from review_item where mail_id = :id").param("id", id).query(String.class).single())
                .isEqualTo("UNKNOWN");
        // The reviewer's page for it opens and says why there is no original to show.
        dk.postfordeling.routing.web.WebSession reviewer = new dk.postfordeling.routing.web.WebSession(port);
        reviewer.signIn("rv_anna", RoutingTestParts.PASSWORD);
        HttpResponse<String> page = reviewer.get("/mail/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Originalen kendes ikke", "mail.classified.v1.dlt");
        HttpResponse<String> why = reviewer.get("/mail/" + id + "/why");
        assertThat(why.statusCode()).isEqualTo(200);
        assertThat(why.body()).contains("ukendt kanal", "Posten venter på en medarbejder");
    }

    @Test
    void aLaterStageIsListedForOpsAndReplayedOntoItsTopic() throws Exception {
        MailId id = new MailId(UUID.randomUUID());
        MailRouted routed = new MailRouted(id, "affald", new Destination(DestinationType.FUNCTION_MAILBOX, "affald",
                "affald@kommune.example"), "<x@kommune.example>", "MODEL", Instant.now());
        send(Topics.MAIL_ROUTED.deadLetterName(), id.toString(), routed, "java.io.UncheckedIOException");

        await().atMost(Duration.ofSeconds(30)).until(() -> http("GET", "/api/v1/dead-letters/pipeline", "adm_eva").body()
                .contains(id.toString()));
        String listed = http("GET", "/api/v1/dead-letters/pipeline", "ops_ole").body();
        assertThat(listed).contains("RETENTION", "UncheckedIOException", "\"inReview\":false");
        assertThat(reviewReasons(id.value())).isNull();
        assertThat(http("GET", "/actuator/prometheus", "ops_ole").body()).contains("postfordeling_pipeline_dead_letters_total{stage=\"RETENTION\"}");
        long deadLetterId = jdbc.sql("select id from pipeline_dead_letter where mail_id = :id").param("id", id.value())
                .query(Long.class).single();

        try (KafkaTestConsumer<MailRouted> topic = new KafkaTestConsumer<>(brokers, Topics.MAIL_ROUTED)) {
            assertThat(http("POST", "/api/v1/dead-letters/pipeline/" + deadLetterId + "/replay", "adm_eva").body())
                    .isEqualTo("{\"replayed\":1}");
            await().atMost(Duration.ofSeconds(30)).until(() -> !topic.valuesFor(id.toString()).isEmpty());
            assertThat(topic.valuesFor(id.toString())).containsExactly(routed);
        }
        assertThat(http("GET", "/api/v1/dead-letters/pipeline", "adm_eva").body()).doesNotContain(id.toString());
        assertThat(http("POST", "/api/v1/dead-letters/pipeline/" + deadLetterId + "/replay", "adm_eva").body())
                .isEqualTo("{\"replayed\":0}");
    }

    private void send(String topic, String key, Object value, String cause) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(new RecordHeader(KafkaHeaders.DLT_EXCEPTION_FQCN,
                "org.springframework.kafka.listener.ListenerExecutionFailedException".getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, cause.getBytes(StandardCharsets.UTF_8)));
        kafka.send(record).join();
    }

    private String reviewReasons(UUID mailId) {
        return jdbc.sql("select reasons::text from review_item where mail_id = :id").param("id", mailId)
                .query(String.class).optional().orElse(null);
    }

    private HttpResponse<String> http(String method, String path, String user) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", RoutingTestParts.basic(user))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(200);
        return response;
    }
}
