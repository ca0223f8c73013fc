package dk.postfordeling.classifier.retraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.postfordeling.classifier.serving.ActiveModel;
import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.contracts.RoutingCorrected;
import dk.postfordeling.contracts.TextExtracted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.contracts.http.ModelCard;
import dk.postfordeling.classifier.model.ModelMetadata;
import dk.postfordeling.testing.KafkaTestConsumer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import dk.postfordeling.testing.TestClients;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The feedback loop end to end in the service: staff keep correcting mail about dog parks to a
 * mailbox the model has never seen; retraining on demand reads the corrections from the feedback
 * topic, trains a new model version, compares it with the model in use on the newest corrections
 * (held out of its training), promotes it, and a new mail like the corrected ones is now routed
 * where staff sent them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "postfordeling.kafka.partitions=1",
        "postfordeling.classifier.model-check-interval=PT0.2S"})
@EmbeddedKafka(partitions = 1)
@DirtiesContext // closed while its embedded broker still runs, not at JVM exit
class RetrainingTest {

    /** The service's own sample model, trained once for the test JVM instead of at each start. */
    @org.springframework.test.context.DynamicPropertySource
    static void model(org.springframework.test.context.DynamicPropertyRegistry registry) {
        java.nio.file.Path dir = dk.postfordeling.classifier.model.SampleModel.freshModelDirectory();
        registry.add("postfordeling.classifier.model-dir", dir::toString);
    }

    private static final String[] PROBLEMS = {
        "mangler en låge, så hundene løber ud", "trænger til at få slået græsset", "har ingen skraldespande til hundeposer",
        "er helt mudret efter regnen", "har et stort hul i hegnet", "har en væltet bænk", "mangler vand til hundene",
        "har brug for mere grus på stierne"};
    private static final String[] PLACES = {"ved søen", "i Byparken", "bag skolen", "ved Nørreport", "i Østerskoven"};

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    ActiveModel model;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void correctionsTeachANewModelThatIsComparedPromotedAndUsed() throws Exception {
        String before = model.classifier().metadata().modelVersion();
        assertThat(model.classifier().metadata().labels()).doesNotContain("dyr-og-natur");

        // Too few decisions: nothing is retrained.
        for (int i = 0; i < 2; i++) {
            correct(i, "Hundeskoven " + PLACES[i] + " " + PROBLEMS[i] + ".");
        }
        assertThat(post("/api/v1/models/retraining").statusCode()).isEqualTo(202);
        JsonNode idle = awaitRetrainingDone();
        assertThat(idle.get("retraining").asString()).contains("For få afgørelser");
        assertThat(idle.get("current").asString()).isEqualTo(before);

        int n = 2;
        for (String place : PLACES) {
            for (String problem : PROBLEMS) {
                correct(n++, "Hej kommune. Hundeskoven " + place + " " + problem + ". Kan I se på det?");
            }
        }
        assertThat(post("/api/v1/models/retraining").statusCode()).isEqualTo(202);
        JsonNode models = awaitRetrainingDone();

        String after = models.get("current").asString();
        assertThat(after).isNotEqualTo(before).startsWith("retrained");
        JsonNode promoted = models.get("versions").get(0);
        assertThat(promoted.get("version").asString()).isEqualTo(after);
        JsonNode shadow = promoted.get("shadow");
        assertThat(shadow.get("verdict").asString()).isEqualTo("PROMOTED");
        assertThat(shadow.get("currentVersion").asString()).isEqualTo(before);
        assertThat(shadow.get("examples").asInt()).isEqualTo(8); // the newest 20 % of 42 decisions
        assertThat(shadow.get("candidateAccuracy").asDouble()).isGreaterThan(shadow.get("currentAccuracy").asDouble());
        assertThat(shadow.get("currentAccuracy").asDouble()).as("the old model cannot know the new mailbox").isZero();
        assertThat(promoted.get("source").asString()).contains(Topics.MAIL_FEEDBACK.name());
        // What the new model is expected to route, from its own cross-validation, is there before anyone uses it.
        JsonNode expected = promoted.get("expected");
        assertThat(expected.get("targetPrecision").asDouble()).isEqualTo(0.95);
        assertThat(expected.get("routedShare").asDouble()).isBetween(0.01, 1.0);
        assertThat(expected.get("precision").asDouble()).isBetween(0.5, 1.0);
        JsonNode newMailbox = expected.get("perLabel").get("dyr-og-natur");
        assertThat(newMailbox.get("predicted").asInt()).isPositive();
        assertThat(newMailbox.get("routed").asInt()).isBetween(1, newMailbox.get("predicted").asInt());
        assertThat(newMailbox.get("atBars").get("0.99").get("routed").asInt()).isLessThanOrEqualTo(newMailbox.get("routed").asInt());
        await().atMost(Duration.ofSeconds(10)).until(() -> model.classifier().metadata().modelVersion().equals(after));

        // The model card's facts: the promoted version's provenance as recorded, its promotion, and the version before it.
        HttpResponse<String> answer = call("GET", "/api/v1/models/" + after + "/card", TestClients.basic("test-admin"));
        assertThat(answer.statusCode()).isEqualTo(200);
        ModelCard card = ModelCard.read(answer.body());
        ModelMetadata recorded = model.classifier().metadata();
        assertThat(card.version()).isEqualTo(after);
        assertThat(card.current()).isTrue();
        assertThat(card.rows()).isEqualTo(recorded.data().rows());
        assertThat(card.perLabel()).isEqualTo(recorded.data().perLabel()).containsKey("dyr-og-natur");
        assertThat(card.dataSha256()).isEqualTo(recorded.data().sha256());
        assertThat(card.evaluation()).isEqualTo(recorded.evaluation());
        assertThat(card.temperature()).isEqualTo(recorded.temperature());
        assertThat(card.expected().routedShare()).isEqualTo(expected.get("routedShare").asDouble());
        assertThat(card.slices()).containsKeys("length=under-200", "cpr=no");
        assertThat(card.slices().get("length=under-200").examples()).isPositive();
        assertThat(card.promotion().verdict()).isEqualTo("PROMOTED");
        assertThat(card.promotion().currentVersion()).isEqualTo(before);
        assertThat(card.previous().version()).isNotEqualTo(after);
        assertThat(call("GET", "/api/v1/models/../../etc/card", TestClients.basic("test-admin")).statusCode()).isIn(400, 404);
        assertThat(call("GET", "/api/v1/models/ingen-model/card", TestClients.basic("test-admin")).statusCode()).isEqualTo(404);

        TextExtracted newMail = new TextExtracted(MailId.forContent(sha()), Channel.UPLOAD, "blob:sha256:" + sha(),
                "Hundeskoven", "Hundeskoven ved havnen mangler en låge, og hundene løber ud på vejen.", List.of(), "da",
                ExtractionStatus.EXTRACTED, List.of(), 0, null, Instant.now());
        try (KafkaTestConsumer<MailClassified> classified = new KafkaTestConsumer<>(brokers, Topics.MAIL_CLASSIFIED)) {
            kafka.send(Topics.MAIL_EXTRACTED.name(), newMail.mailId().toString(), newMail);
            await().atMost(Duration.ofSeconds(30)).until(() -> !classified.valuesFor(newMail.mailId().toString()).isEmpty());
            MailClassified result = classified.valuesFor(newMail.mailId().toString()).get(0);
            assertThat(result.modelVersion()).isEqualTo(after);
            assertThat(result.top().label()).isEqualTo("dyr-og-natur");
            assertThat(result.decision()).as(() -> result.reasons().toString()).isEqualTo(Decision.ROUTE);
        }
    }

    private JsonNode awaitRetrainingDone() throws Exception {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> !"RUNNING".equals(models().get("retrainingState").asString()));
        JsonNode models = models();
        assertThat(models.get("retrainingState").asString()).as(models.toString()).isEqualTo("IDLE");
        return models;
    }

    private void correct(int i, String text) {
        MailId mail = new MailId(UUID.nameUUIDFromBytes(("retraining-" + i).getBytes(StandardCharsets.UTF_8)));
        kafka.send(Topics.MAIL_FEEDBACK.name(), mail.toString(),
                new RoutingCorrected(mail, "vej-og-park", "dyr-og-natur", "rv_anna", Instant.parse("2026-11-23T09:00:00Z").plusSeconds(i), text));
        kafka.flush();
    }

    private JsonNode models() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/models"))
                .header("Authorization", TestClients.basic("test-ops")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return MailJson.mapper().readTree(answer.body());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return call("POST", path, TestClients.basic("test-admin"));
    }

    private HttpResponse<String> call(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The model API and the actuator authenticate every caller; starting a retraining is for ADMIN only. */
    @Test
    void theModelApiAnswers401WithoutCredentialsAndRetrainingIsForAdmin() throws Exception {
        assertThat(call("GET", "/api/v1/models", null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/v1/models/retraining", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/actuator/health", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/actuator/health/readiness", null).body()).doesNotContain("components");
        assertThat(call("POST", "/api/v1/models/retraining", TestClients.basic("test-ops")).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/actuator/prometheus", TestClients.basic("test-ops")).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/actuator/health", TestClients.basic("test-admin")).body()).contains("model");
    }

    private static String sha() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

}
