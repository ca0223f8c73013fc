package dk.postfordeling.routing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailErased;
import dk.postfordeling.testing.KafkaTestConsumer;
import org.springframework.beans.factory.annotation.Value;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.StoredBlob;
import dk.postfordeling.routing.RoutingTestParts;
import dk.postfordeling.routing.WithRoutingService;
import dk.postfordeling.routing.retention.ContentErasure;
import dk.postfordeling.routing.review.ReviewClaims;
import dk.postfordeling.routing.workbench.ReviewDecisions;
import dk.postfordeling.testing.Classified;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every copy of a mail's content has an end. After the retention period no byte of a filed or closed
 * mail's text is left in any of routing's tables and its original is gone from the blob store, while
 * mail still waiting for a person keeps its content; an administrator erases one mail at once; the
 * topics are created with their retention. The audit trail stays, and says what happened.
 */
@WithRoutingService
class ContentRetentionTest {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        RoutingTestParts.register(registry);
        registry.add("postfordeling.routing.retention.content-after", () -> "PT2S");
        // The test runs the erasure itself; the schedule stays out of its way.
        registry.add("postfordeling.routing.retention.check-interval", () -> "PT1H");
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BlobStore blobs;

    @Autowired
    ContentErasure erasure;

    @Autowired
    ReviewClaims claims;

    @Autowired
    ReviewDecisions decisions;

    @Test
    void afterItsRetentionNoByteOfAFiledOrClosedMailIsLeft() throws Exception {
        String marker = "Gadekaer" + UUID.randomUUID().toString().substring(0, 8);
        MailClassified filed = classified(Classified.routeTo("skole"), marker + " filed");
        MailClassified closed = classified(Classified.reviewOf("skole", 0.41), marker + " closed");
        MailClassified waiting = classified(Classified.reviewOf("skole", 0.42), marker + " waiting");
        await().atMost(Duration.ofSeconds(20)).until(() -> outcome(filed).equals("ROUTED") && outcome(closed).equals("REVIEW")
                && outcome(waiting).equals("REVIEW"));
        claims.claim(closed.mailId().value(), "rv_anna");
        assertThat(decisions.close(closed.mailId().value(), ReviewDecisions.Closing.NOT_FOR_US, "rv_anna"))
                .isEqualTo(ReviewDecisions.Result.DONE);
        assertThat(rowsWith(marker + " filed")).as("before retention").isNotEmpty();

        // Nothing is erased before the period (PT2S) has passed; then the next round erases both.
        java.util.concurrent.atomic.AtomicInteger erased = new java.util.concurrent.atomic.AtomicInteger();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
            erased.addAndGet(erasure.eraseDue());
            return rowsWith(marker + " filed").isEmpty() && rowsWith(marker + " closed").isEmpty();
        });
        assertThat(erased.get()).isGreaterThanOrEqualTo(2);

        assertThat(rowsWith(marker + " filed")).isEmpty();
        assertThat(rowsWith(marker + " closed")).isEmpty();
        assertThat(blobs.exists(filed.originalRef())).isFalse();
        assertThat(blobs.exists(closed.originalRef())).isFalse();
        assertThat(rowsWith(marker + " waiting")).as("a person still needs it").isNotEmpty();
        assertThat(blobs.exists(waiting.originalRef())).isTrue();
        assertThat(jdbc.sql("select detail->>'reason' from audit_log where mail_id = :id and action = 'ERASE' and actor = 'system'")
                .param("id", filed.mailId().value()).query(String.class).single()).isEqualTo("RETENTION");
        assertThat(outcome(filed)).as("the outcome stays").isEqualTo("ROUTED");
    }

    @Test
    void anAdministratorErasesOneMailAtOnceAndThePageSaysSo() throws Exception {
        String marker = "Kirkesti" + UUID.randomUUID().toString().substring(0, 8);
        MailClassified mail = classified(Classified.reviewOf("skole", 0.3), marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> outcome(mail).equals("REVIEW"));
        WebSession reviewer = new WebSession(port);
        reviewer.signIn("rv_anna", RoutingTestParts.PASSWORD);
        assertThat(reviewer.get("/mail/" + mail.mailId() + "/why").body()).doesNotContain("id=\"erase\"");
        WebSession admin = new WebSession(port);
        admin.signIn("adm_eva", RoutingTestParts.PASSWORD);
        String token = WebSession.csrfOf(admin.get("/mail/" + mail.mailId() + "/why").body());

        assertThat(reviewer.post("/admin/mail/" + mail.mailId() + "/erase", "_csrf=" + WebSession.enc(
                WebSession.csrfOf(reviewer.get("/mail/" + mail.mailId() + "/why").body()))).statusCode()).as("only ADMIN").isEqualTo(403);
        HttpResponse<String> erased = admin.post("/admin/mail/" + mail.mailId() + "/erase", "_csrf=" + WebSession.enc(token));

        assertThat(erased.statusCode()).isEqualTo(302);
        assertThat(rowsWith(marker)).isEmpty();
        assertThat(blobs.exists(mail.originalRef())).isFalse();
        assertThat(jdbc.sql("select actor || ' ' || (detail->>'reason') from audit_log where mail_id = :id and action = 'ERASE'")
                .param("id", mail.mailId().value()).query(String.class).single()).isEqualTo("adm_eva REQUEST");
        String page = admin.get("/mail/" + mail.mailId() + "/why").body();
        assertThat(page).contains("id=\"content-erased\"", "efter anmodning").doesNotContain(marker);
        // Announced, without content, so intake drops its record of the mail too.
        try (var announced = new KafkaTestConsumer<MailErased>(brokers, Topics.MAIL_ERASED)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !announced.valuesFor(mail.mailId().toString()).isEmpty());
            MailErased event = announced.valuesFor(mail.mailId().toString()).get(0);
            assertThat(event.reason()).isEqualTo("REQUEST");
            assertThat(event.originalRef()).isEqualTo(mail.originalRef());
        }
    }

    @Test
    void theTopicsKeepRecordsForTheirRetentionOnly() throws Exception {
        try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                    new ConfigResource(ConfigResource.Type.TOPIC, Topics.MAIL_CLASSIFIED.name()),
                    new ConfigResource(ConfigResource.Type.TOPIC, Topics.MAIL_FEEDBACK.name()))).all().get();
            assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.MAIL_CLASSIFIED.name()))
                    .get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
            assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.MAIL_FEEDBACK.name()))
                    .get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo(Long.toString(Duration.ofDays(365).toMillis()));
        }
    }

    /** A classified mail with {@code text}, its original stored with the text too, sent to routing. */
    private MailClassified classified(Classified mail, String text) throws Exception {
        StoredBlob original = blobs.put(new ByteArrayInputStream(("Subject: Sag\r\n\r\n" + text + "\r\n")
                .getBytes(StandardCharsets.US_ASCII)));
        MailClassified classified = mail.original(original.sha256(), original.uri()).content("Sag", text, 0).build();
        kafka.send(Topics.MAIL_CLASSIFIED.name(), classified.mailId().toString(), classified);
        return classified;
    }

    private String outcome(MailClassified mail) {
        return jdbc.sql("select outcome from routing_outcome where mail_id = :id").param("id", mail.mailId().value())
                .query(String.class).optional().orElse("");
    }

    /** Every table of routing's schema, each row read as text, for the text. */
    private List<String> rowsWith(String text) {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'flyway%'""")
                .query(String.class).list();
        assertThat(tables).contains("routing_task", "review_item", "outbox", "routing_outcome", "audit_log");
        return tables.stream().filter(table -> jdbc.sql("select count(*) from " + table + " t where t::text like :text")
                .param("text", "%" + text + "%").query(Long.class).single() > 0).toList();
    }
}
