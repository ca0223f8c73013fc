package dk.postfordeling.routing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.Explanation;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailContent;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may do what: anonymous requests are refused, a REVIEWER cannot reach admin pages or APIs, OPS
 * sees no mail content, forms without a CSRF token are refused, and every view of a mail's content
 * and every decision is in the audit log.
 */
@WithRoutingService
@org.springframework.test.context.TestPropertySource(properties = {
        "postfordeling.workbench.classifier-uri=http://127.0.0.1:9"})
class WorkbenchAccessTest {

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

    private MailClassified mail;

    @BeforeEach
    void aMailInTheQueue() {
        mail = new MailClassified(new MailId(UUID.randomUUID()), Channel.UPLOAD, "blob:sha256:" + "cd".repeat(32),
                List.of(new LabelScore("byggeri", 0.51)), Decision.REVIEW, List.of(new DecisionReason("LOW_CONFIDENCE", "For usikker.")),
                new Explanation("byggeri", List.of(), "Test."), null, "test-model-1", Instant.now(),
                new MailContent("Carport", "Må jeg bygge en carport på 40 m²?", 0, false, "da"));
        kafka.send(Topics.MAIL_CLASSIFIED.name(), mail.mailId().toString(), mail);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from review_item where mail_id = :id")
                .param("id", mail.mailId().value()).query(Long.class).single() == 1);
    }

    @Test
    void anonymousRequestsAreRefused() throws Exception {
        WebSession anonymous = new WebSession(port);
        for (String page : List.of("/queue", "/mail/" + mail.mailId(), "/mail/" + mail.mailId() + "/why", "/recent", "/admin", "/ops")) {
            HttpResponse<String> answer = anonymous.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/login");
            assertThat(answer.body()).as(page).doesNotContain("carport");
        }
        for (String api : List.of("/api/v1/reviews", "/api/v1/reviews/" + mail.mailId(), "/api/v1/routings", "/api/v1/dead-letters")) {
            assertThat(api(api, null, "GET").statusCode()).as(api).isEqualTo(401);
        }
        assertThat(api("/api/v1/dead-letters/replay", null, "POST").statusCode()).isEqualTo(401);
        assertThat(anonymous.signIn("rv_anna", "forkert").headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(anonymous.get("/queue").statusCode()).as("a failed sign-in signs nobody in").isEqualTo(302);
        // Probes answer anyone with a status; health details (hosts, ports) and metrics are for OPS.
        HttpResponse<String> readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\"").doesNotContain("components");
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(api("/actuator/health", "ops_ole", "GET").body()).contains("components");
        assertThat(api("/actuator/prometheus", "rv_anna", "GET").statusCode()).isEqualTo(403);
    }

    @Test
    void aReviewerCannotReachAdminPagesOrApis() throws Exception {
        WebSession reviewer = new WebSession(port);
        assertThat(reviewer.signIn("rv_anna", RoutingTestParts.PASSWORD).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(reviewer.get("/queue").statusCode()).isEqualTo(200);
        assertThat(reviewer.get("/admin").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/ops").statusCode()).isEqualTo(403);
        String token = reviewer.csrf("/queue");
        assertThat(reviewer.post("/admin/dead-letters/replay", "_csrf=" + WebSession.enc(token)).statusCode()).isEqualTo(403);
        assertThat(reviewer.post("/admin/models/retrain", "_csrf=" + WebSession.enc(token)).statusCode()).isEqualTo(403);
        assertThat(api("/api/v1/dead-letters", "rv_anna", "GET").statusCode()).isEqualTo(403);
        assertThat(api("/api/v1/routing-table/reload", "rv_anna", "POST").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/queue").body()).doesNotContain("Administration");

        WebSession admin = new WebSession(port);
        admin.signIn("adm_eva", RoutingTestParts.PASSWORD);
        HttpResponse<String> adminPage = admin.get("/admin");
        assertThat(adminPage.statusCode()).isEqualTo(200);
        assertThat(adminPage.body()).contains("Rutetabel", "byggeri@kommune.example", "Klassifikationstjenesten svarer ikke");
        assertThat(adminPage.body()).as("the header names the admin and offers every page to ADMIN")
                .contains("<span>adm_eva</span>", "href=\"/ops\"", "href=\"/admin\"");
        assertThat(api("/api/v1/dead-letters", "adm_eva", "GET").statusCode()).isEqualTo(200);
    }

    @Test
    void opsSeesFiguresButNoMailContent() throws Exception {
        WebSession ops = new WebSession(port);
        ops.signIn("ops_ole", RoutingTestParts.PASSWORD);
        HttpResponse<String> page = ops.get("/ops");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("I køen hos medarbejdere", "Observeret træfsikkerhed");
        assertThat(page.body()).contains("<span>ops_ole</span>", "href=\"/ops\"").doesNotContain("href=\"/admin\"");
        assertThat(ops.get("/mail/" + mail.mailId()).statusCode()).isEqualTo(403);
        assertThat(ops.get("/queue").statusCode()).isEqualTo(403);
        assertThat(api("/api/v1/reviews/" + mail.mailId(), "ops_ole", "GET").statusCode()).isEqualTo(403);
        assertThat(api("/api/v1/routings", "ops_ole", "GET").statusCode()).isEqualTo(200);
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        WebSession reviewer = new WebSession(port);
        reviewer.signIn("rv_bo", RoutingTestParts.PASSWORD);
        assertThat(reviewer.post("/mail/" + mail.mailId() + "/claim", "").statusCode()).isEqualTo(403);
        assertThat(reviewer.post("/mail/" + mail.mailId() + "/claim", "_csrf=forfalsket").statusCode()).isEqualTo(403);
        assertThat(claimedBy()).as("nothing was claimed").isNull();
        String token = reviewer.csrf("/mail/" + mail.mailId());
        assertThat(reviewer.post("/mail/" + mail.mailId() + "/claim", "_csrf=" + WebSession.enc(token)).statusCode()).isEqualTo(302);
        assertThat(claimedBy()).isEqualTo("rv_bo");
    }

    @Test
    void viewsAndDecisionsAreAudited() throws Exception {
        WebSession reviewer = new WebSession(port);
        reviewer.signIn("rv_anna", RoutingTestParts.PASSWORD);
        assertThat(reviewer.get("/queue").body()).as("the list shows no content").doesNotContain("carport");
        assertThat(audited("VIEW", "rv_anna")).isZero();
        assertThat(reviewer.get("/mail/" + mail.mailId()).body()).contains("Må jeg bygge en carport");
        assertThat(reviewer.get("/mail/" + mail.mailId() + "/why").statusCode()).isEqualTo(200);
        assertThat(audited("VIEW", "rv_anna")).isEqualTo(2);

        String token = reviewer.csrf("/mail/" + mail.mailId());
        reviewer.post("/mail/" + mail.mailId() + "/claim", "_csrf=" + WebSession.enc(token));
        HttpResponse<String> routed = reviewer.post("/mail/" + mail.mailId() + "/route", "label=byggeri&_csrf=" + WebSession.enc(token));
        assertThat(routed.headers().firstValue("Location").orElseThrow()).endsWith("/queue");
        assertThat(audited("CLAIM", "rv_anna")).isEqualTo(1);
        assertThat(audited("DECIDE", "rv_anna")).isEqualTo(1);
        assertThat(jdbc.sql("select detail->>'label' from audit_log where mail_id = :id and action = 'DECIDE'")
                .param("id", mail.mailId().value()).query(String.class).single()).isEqualTo("byggeri");
        assertThat(jdbc.sql("select count(*) from audit_log where mail_id = :id and detail::text ilike '%carport%'")
                .param("id", mail.mailId().value()).query(Long.class).single()).as("no content in the audit log").isZero();
    }

    @Test
    void bulkActionsWorkOnTheSelectedItemsAndSkipOthersClaims() throws Exception {
        MailClassified second = new MailClassified(new MailId(UUID.randomUUID()), mail.channel(), mail.originalRef(), mail.predictions(),
                mail.decision(), mail.reasons(), mail.explanation(), null, mail.modelVersion(), Instant.now(), mail.content());
        kafka.send(Topics.MAIL_CLASSIFIED.name(), second.mailId().toString(), second);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from review_item where mail_id = :id")
                .param("id", second.mailId().value()).query(Long.class).single() == 1);
        WebSession bo = new WebSession(port);
        bo.signIn("rv_bo", RoutingTestParts.PASSWORD);
        bo.post("/mail/" + second.mailId() + "/claim", "_csrf=" + WebSession.enc(bo.csrf("/queue")));

        WebSession anna = new WebSession(port);
        anna.signIn("rv_anna", RoutingTestParts.PASSWORD);
        String token = anna.csrf("/queue");
        HttpResponse<String> bulk = anna.post("/queue/bulk", "action=not-for-us&ids=" + mail.mailId() + "&ids=" + second.mailId()
                + "&_csrf=" + WebSession.enc(token));
        assertThat(bulk.statusCode()).isEqualTo(302);
        assertThat(anna.get("/queue").body()).contains("1 poster lukket som »ikke til os«.", "taget af rv_bo");
        assertThat(jdbc.sql("select outcome || ' ' || closed_reason from routing_outcome where mail_id = :id")
                .param("id", mail.mailId().value()).query(String.class).single()).isEqualTo("CLOSED NOT_FOR_US");
        assertThat(claimedBy()).isEqualTo("rv_anna");
        assertThat(jdbc.sql("select status || ' ' || claimed_by from review_item where mail_id = :id")
                .param("id", second.mailId().value()).query(String.class).single()).as("another's claim is left alone").isEqualTo("CLAIMED rv_bo");
    }

    private long audited(String action, String actor) {
        return jdbc.sql("select count(*) from audit_log where mail_id = :id and action = :action and actor = :actor")
                .param("id", mail.mailId().value()).param("action", action).param("actor", actor).query(Long.class).single();
    }

    private String claimedBy() {
        return jdbc.sql("select claimed_by from review_item where mail_id = :id").param("id", mail.mailId().value())
                .query(String.class).optional().orElse(null);
    }

    private HttpResponse<String> api(String path, String user, String method) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header("Authorization", RoutingTestParts.basic(user));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
