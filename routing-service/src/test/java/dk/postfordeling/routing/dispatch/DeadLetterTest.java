package dk.postfordeling.routing.dispatch;

import dk.postfordeling.testing.Classified;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.StoredBlob;
import dk.postfordeling.routing.RoutingTestParts;
import dk.postfordeling.testing.F2Simulator;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** F2 fails past every retry: the mail is dead-lettered with its cause, listed for ops, and a replay files it once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "postfordeling.routing.blob-store-dir=${java.io.tmpdir}/postfordeling-routing-test/${random.uuid}",
        "postfordeling.kafka.partitions=1",
        "postfordeling.routing.poll-interval=50ms",
        "postfordeling.routing.destinations.byggeri.type=F2",
        "postfordeling.routing.destinations.byggeri.case-id=" + F2Simulator.CASE_ID,
        "postfordeling.routing.f2.client-id=postfordeling",
        "postfordeling.routing.f2.client-secret=hemmelig",
        "postfordeling.routing.f2.username=postfordeling",
        "postfordeling.routing.retry-backoff=100ms",
        "postfordeling.routing.max-attempts=2",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=1000",
        "resilience4j.retry.configs.default.wait-duration=10ms"})
@EmbeddedKafka(partitions = 1)
@DirtiesContext // closed while its embedded broker still runs, not at JVM exit
class DeadLetterTest {

    private static final F2Simulator SIMULATOR = new F2Simulator();
    private static final WireMockServer F2 = SIMULATOR.server();

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        RoutingTestParts.register(registry);
        registry.add("postfordeling.routing.f2.base-uri", SIMULATOR::baseUrl);
    }

    @AfterAll
    static void stopF2() {
        SIMULATOR.close();
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    BlobStore blobStore;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailF2KeepsFailingIsDeadLetteredAndFiledOnceWhenReplayed() throws Exception {
        SIMULATOR.install("t1");
        StubMapping broken = F2.stubFor(any(urlMatching("/F2Rest/poe/.*")).atPriority(1).willReturn(aResponse().withStatus(500)));
        MailClassified mail = classified(store("Subject: Tilbygning\r\n\r\nCarport\r\n"));

        kafka.send(Topics.MAIL_CLASSIFIED.name(), mail.mailId().toString(), mail);

        Map<String, String> headers = deadLetterHeaders(mail.mailId().toString());
        assertThat(headers).containsEntry("postfordeling-destination", "byggeri")
                .containsEntry("postfordeling-destination-type", "F2")
                .containsEntry("postfordeling-attempts", "2");
        assertThat(headers.get("postfordeling-cause")).contains("HTTP 500");
        assertThat(status(mail)).isEqualTo("DEAD");
        String listed = http("GET", "/api/v1/dead-letters");
        assertThat(listed).contains(mail.mailId().toString(), "byggeri", "HTTP 500").doesNotContain("Carport");

        F2.removeStub(broken);
        assertThat(http("POST", "/api/v1/dead-letters/" + mail.mailId() + "/replay")).contains("\"replayed\":1");

        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(status(mail)));
        assertThat(jdbc.sql("select outcome from routing_outcome where mail_id = :id").param("id", mail.mailId().value())
                .query(String.class).single()).isEqualTo("ROUTED");
        // One matter: the one-time URL saved before the failures was used again on replay.
        F2.verify(1, postRequestedFor(urlMatching("/F2Rest/cases/[^/]+/matters")));
        assertThat(SIMULATOR.createdMatters()).hasSize(1);
        assertThat(http("GET", "/api/v1/dead-letters")).isEqualTo("[]");
    }

    private Map<String, String> deadLetterHeaders(String key) {
        Map<String, String> headers = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MAIL_CLASSIFIED.deadLetterName()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                        assertThat(Topics.MAIL_CLASSIFIED.serde().deserialize("t", record.value()).mailId().toString()).isEqualTo(key);
                    }
                }
                return !headers.isEmpty();
            });
        }
        return headers;
    }

    private String status(MailClassified mail) {
        return jdbc.sql("select status from routing_task where mail_id = :id").param("id", mail.mailId().value())
                .query(String.class).optional().orElse("NONE");
    }

    private String http(String method, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", RoutingTestParts.basic("adm_eva"))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private StoredBlob store(String content) throws Exception {
        return blobStore.put(new ByteArrayInputStream(("X-Test-Id: " + UUID.randomUUID() + "\r\n" + content).getBytes(StandardCharsets.US_ASCII)));
    }

    private static MailClassified classified(StoredBlob original) {
        return Classified.routeTo("byggeri").original(original.sha256(), original.uri()).build();
    }
}
