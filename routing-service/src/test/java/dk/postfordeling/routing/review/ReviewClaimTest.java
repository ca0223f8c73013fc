package dk.postfordeling.routing.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.Explanation;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.routing.RoutingTestParts;
import dk.postfordeling.routing.WithRoutingService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two reviewers claim the same item at the same moment: one gets it, the other is told who has it; both attempts are audited. */
@WithRoutingService
class ReviewClaimTest {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        RoutingTestParts.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dk.postfordeling.platform.blob.BlobStore blobStore;

    @org.springframework.beans.factory.annotation.Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void oneOfTwoReviewersGetsTheItemAndTheOtherIsTold() throws Exception {
        MailClassified mail = new MailClassified(new MailId(UUID.randomUUID()), Channel.UPLOAD,
                "blob:sha256:" + "ab".repeat(32), List.of(new LabelScore("parkering", 0.55)), Decision.REVIEW,
                List.of(new DecisionReason("LOW_CONFIDENCE", "For usikker.")), new Explanation("parkering", List.of(), "Test."),
                null, "test-model-1", Instant.now());
        kafka.send(Topics.MAIL_CLASSIFIED.name(), mail.mailId().toString(), mail);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from review_item where mail_id = :id")
                .param("id", mail.mailId().value()).query(Long.class).single() == 1);

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> anna = CompletableFuture.supplyAsync(() -> claim(mail, "rv_anna", start));
        CompletableFuture<HttpResponse<String>> bo = CompletableFuture.supplyAsync(() -> claim(mail, "rv_bo", start));
        start.countDown();
        List<HttpResponse<String>> answers = List.of(anna.get(), bo.get());

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        String holder = jdbc.sql("select claimed_by from review_item where mail_id = :id").param("id", mail.mailId().value())
                .query(String.class).single();
        assertThat(refused.body()).contains("allerede taget af en anden medarbejder", holder);
        assertThat(jdbc.sql("select count(*) from audit_log where mail_id = :id and action = 'CLAIM'")
                .param("id", mail.mailId().value()).query(Long.class).single()).isEqualTo(2);

        assertThat(claim(mail, holder, new CountDownLatch(0)).statusCode()).as("the holder may renew").isEqualTo(200);
        MailClassified unknown = new MailClassified(new MailId(UUID.randomUUID()), mail.channel(), mail.originalRef(), mail.predictions(),
                mail.decision(), mail.reasons(), mail.explanation(), null, mail.modelVersion(), mail.classifiedAt());
        assertThat(claim(unknown, "rv_anna", new CountDownLatch(0)).statusCode()).isEqualTo(404);
    }

    @Test
    void theReviewersDecisionFilesTheMailAndTeachesTheClassifier() throws Exception {
        var original = blobStore.put(new java.io.ByteArrayInputStream(("X-Test-Id: " + UUID.randomUUID()
                + "\r\nSubject: Sofa\r\n\r\nKan I hente en sofa?\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        MailClassified mail = new MailClassified(MailId.forContent(original.sha256()), Channel.UPLOAD, original.uri(),
                List.of(new LabelScore("parkering", 0.45), new LabelScore("affald", 0.40)), Decision.REVIEW,
                List.of(new DecisionReason("LOW_CONFIDENCE", "For usikker.")), new Explanation("parkering", List.of(), "Test."),
                null, "test-model-1", Instant.now(), new dk.postfordeling.contracts.MailContent("Sofa", "Kan I hente en sofa?", 0, false));
        try (var routed = new dk.postfordeling.testing.KafkaTestConsumer<dk.postfordeling.contracts.MailRouted>(brokers, Topics.MAIL_ROUTED);
                var feedback = new dk.postfordeling.testing.KafkaTestConsumer<dk.postfordeling.contracts.RoutingCorrected>(brokers, Topics.MAIL_FEEDBACK)) {
            kafka.send(Topics.MAIL_CLASSIFIED.name(), mail.mailId().toString(), mail);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from review_item where mail_id = :id")
                    .param("id", mail.mailId().value()).query(Long.class).single() == 1);
            assertThat(claim(mail, "rv_anna", new CountDownLatch(0)).statusCode()).isEqualTo(200);
            HttpResponse<String> view = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reviews/"
                    + mail.mailId())).header("Authorization", RoutingTestParts.basic("rv_anna")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(view.statusCode()).isEqualTo(200);
            assertThat(view.body()).contains("Kan I hente en sofa?", "LOW_CONFIDENCE", "\"claimedBy\":\"rv_anna\"");
            assertThat(jdbc.sql("select count(*) from audit_log where mail_id = :id and action = 'VIEW' and actor = 'rv_anna'")
                    .param("id", mail.mailId().value()).query(Long.class).single()).as("a view of the content is audited").isEqualTo(1);

            assertThat(decide(mail, "rv_bo", "byggeri").statusCode()).as("only the holder decides").isEqualTo(409);
            assertThat(decide(mail, "rv_anna", "ukendt").statusCode()).isEqualTo(400);
            assertThat(decide(mail, "rv_anna", "byggeri").statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).until(() -> !routed.valuesFor(mail.mailId().toString()).isEmpty()
                    && !feedback.valuesFor(mail.mailId().toString()).isEmpty());
            var event = routed.valuesFor(mail.mailId().toString()).get(0);
            assertThat(event.decidedBy()).isEqualTo("REVIEWER");
            assertThat(event.destination().address()).isEqualTo("byggeri@kommune.example");
            var correction = feedback.valuesFor(mail.mailId().toString()).get(0);
            assertThat(correction.fromLabel()).isEqualTo("parkering");
            assertThat(correction.toLabel()).isEqualTo("byggeri");
            assertThat(correction.reviewerId()).isEqualTo("rv_anna");
            assertThat(correction.text()).isEqualTo("Kan I hente en sofa?");
            assertThat(jdbc.sql("select status from review_item where mail_id = :id").param("id", mail.mailId().value())
                    .query(String.class).single()).isEqualTo("DONE");
            assertThat(jdbc.sql("select outcome || ' ' || decided_by from routing_outcome where mail_id = :id")
                    .param("id", mail.mailId().value()).query(String.class).single()).isEqualTo("ROUTED REVIEWER");
            assertThat(jdbc.sql("select count(*) from audit_log where mail_id = :id and action = 'DECIDE' and actor = 'rv_anna'")
                    .param("id", mail.mailId().value()).query(Long.class).single()).isEqualTo(1);
        }
    }

    private HttpResponse<String> decide(MailClassified mail, String reviewer, String label) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reviews/" + mail.mailId() + "/decision"))
                .header("Authorization", RoutingTestParts.basic(reviewer)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"" + label + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> claim(MailClassified mail, String reviewer, CountDownLatch start) {
        try {
            start.await();
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reviews/" + mail.mailId() + "/claim"))
                    .header("Authorization", RoutingTestParts.basic(reviewer)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
