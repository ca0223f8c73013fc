package dk.postfordeling.routing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.routing.RoutingTestParts;
import dk.postfordeling.routing.WithRoutingService;
import dk.postfordeling.routing.report.ReportPeriod;
import dk.postfordeling.routing.review.ReviewClaims;
import dk.postfordeling.routing.workbench.ReviewDecisions;
import dk.postfordeling.testing.Classified;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The municipality's questions for the system as a whole, answered from the product's own records:
 * the efficiency report, and a person stopping automatic routing. A database schema of its own, so
 * the report counts this class's mail only.
 */
@WithRoutingService
class AccountabilityTest {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        RoutingTestParts.register(registry);
        String schema = "accountability_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        registry.add("spring.datasource.hikari.schema", () -> schema);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("postfordeling.workbench.minutes-per-manual-routing", () -> "4.5");
        registry.add("postfordeling.workbench.slices.min-mail", () -> "5");
        registry.add("postfordeling.workbench.slices.margin", () -> "0.2");
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dk.postfordeling.platform.blob.BlobStore blobs;

    @Autowired
    ReviewClaims claims;

    @Autowired
    ReviewDecisions decisions;

    @Autowired
    dk.postfordeling.routing.metrics.SliceMetrics sliceMetrics;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    /**
     * Last week's mail: two routed by the model (one of them corrected afterwards), one a person
     * routed, one a person closed, one still waiting. Every figure is checked against the
     * timestamps routing recorded for these mails.
     */
    @Test
    void theEfficiencyReportIsMeasuredFromTheRecordedTimestamps() throws Exception {
        ReportPeriod lastWeek = ReportPeriod.containing(ReportPeriod.Kind.WEEK, LocalDate.now(ReportPeriod.DANISH_TIME)).previous();
        Instant monday = lastWeek.from().plus(Duration.ofHours(9));
        MailClassified routed = send(Classified.routeTo("skole").receivedAt(monday));
        MailClassified corrected = send(Classified.routeTo("skole").receivedAt(monday.plusSeconds(600)));
        MailClassified decided = send(Classified.reviewOf("skole", 0.4).channel(Channel.DIGITAL_POST).receivedAt(monday.plusSeconds(1200)));
        MailClassified closed = send(Classified.reviewOf("skole", 0.4).receivedAt(monday.plusSeconds(1800)));
        MailClassified waiting = send(Classified.reviewOf("skole", 0.4).receivedAt(monday.plusSeconds(2400)));
        MailClassified nextWeek = send(Classified.routeTo("skole").receivedAt(lastWeek.to().plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).until(() -> outcome(routed).equals("ROUTED") && outcome(corrected).equals("ROUTED")
                && outcome(decided).equals("REVIEW") && outcome(closed).equals("REVIEW") && outcome(waiting).equals("REVIEW")
                && outcome(nextWeek).equals("ROUTED"));
        claims.claim(decided.mailId().value(), "rv_anna");
        assertThat(decisions.decide(decided.mailId().value(), "byggeri", "rv_anna")).isEqualTo(ReviewDecisions.Result.DONE);
        claims.claim(closed.mailId().value(), "rv_bo");
        assertThat(decisions.close(closed.mailId().value(), ReviewDecisions.Closing.NOT_FOR_US, "rv_bo")).isEqualTo(ReviewDecisions.Result.DONE);
        assertThat(decisions.correct(corrected.mailId().value(), "byggeri", "rv_anna")).isEqualTo(ReviewDecisions.Result.DONE);
        await().atMost(Duration.ofSeconds(30)).until(() -> outcome(decided).equals("ROUTED") && decidedBy(corrected).equals("REVIEWER"));

        Map<String, String> report = csv(lastWeek);

        assertThat(report).containsEntry("received", "5").containsEntry("received-upload", "4").containsEntry("received-digital_post", "1")
                .containsEntry("by-model", "1").containsEntry("by-rules", "0").containsEntry("by-people", "3")
                .containsEntry("waiting", "1").containsEntry("corrected", "1");
        assertThat(report.get("automatic-count")).isEqualTo("1");
        assertThat(report.get("automatic-median")).isEqualTo(seconds(percentile(toDestination(routed), 0.5)));
        assertThat(report.get("person-count")).isEqualTo("2");
        List<Double> byPeople = List.of(toDestination(corrected).get(0), toDestination(decided).get(0));
        assertThat(report.get("person-median")).isEqualTo(seconds(percentile(byPeople, 0.5)));
        assertThat(report.get("person-p95")).isEqualTo(seconds(percentile(byPeople, 0.95)));
        List<Double> handling = new ArrayList<>(handling(decided));
        handling.addAll(handling(closed));
        assertThat(report.get("handling-count")).isEqualTo("2");
        assertThat(report.get("handling-median")).isEqualTo(seconds(percentile(handling, 0.5)));
        assertThat(report.get("handling-p95")).isEqualTo(seconds(percentile(handling, 0.95)));
        // One mail filed automatically and not corrected, at the configured 4.5 minutes.
        assertThat(report).containsEntry("hours-saved", "0,1").containsEntry("minutes-per-manual-routing", "4,5");

        WebSession ops = new WebSession(port);
        ops.signIn("ops_ole", RoutingTestParts.PASSWORD);
        String page = ops.get("/ops/efficiency?period=WEEK&date=" + lastWeek.first()).body();
        assertThat(page).contains("id=\"row-by-model\"", "1 (20,0 %)", "4,5", "skøn");
        WebSession reviewer = new WebSession(port);
        reviewer.signIn("rv_anna", RoutingTestParts.PASSWORD);
        assertThat(reviewer.get("/ops/efficiency").statusCode()).as("OPS and ADMIN only").isEqualTo(403);
    }

    /**
     * An administrator pauses automatic routing to one destination from the admin page: its mail goes
     * to a person with the reason, other mail still routes, every page says so; resuming restores it.
     * Both are in the audit log.
     */
    @Test
    void anAdministratorPausesOneDestinationAndResumesIt() throws Exception {
        WebSession admin = new WebSession(port);
        admin.signIn("adm_eva", RoutingTestParts.PASSWORD);
        String token = WebSession.csrfOf(admin.get("/admin").body());
        assertThat(admin.post("/admin/routing/pause", "scope=skole&reason=" + WebSession.enc("Ny skoleleder; tjek fordelingen")
                + "&_csrf=" + WebSession.enc(token)).statusCode()).isEqualTo(302);

        MailClassified paused = send(Classified.routeTo("skole"));
        MailClassified other = send(Classified.routeTo("byggeri"));
        await().atMost(Duration.ofSeconds(30)).until(() -> outcome(paused).equals("REVIEW") && outcome(other).equals("ROUTED"));
        assertThat(jdbc.sql("select reasons::text from review_item where mail_id = :id").param("id", paused.mailId().value())
                .query(String.class).single()).contains("ROUTING_PAUSED", "Automatisk fordeling til skole er sat på pause: Ny skoleleder; tjek fordelingen");
        WebSession reviewer = new WebSession(port);
        reviewer.signIn("rv_anna", RoutingTestParts.PASSWORD);
        assertThat(reviewer.get("/queue").body()).contains("id=\"routing-paused\"", "for skole");
        assertThat(reviewer.post("/admin/routing/resume", "scope=skole&_csrf=" + WebSession.enc(
                WebSession.csrfOf(reviewer.get("/queue").body()))).statusCode()).as("only ADMIN").isEqualTo(403);

        assertThat(admin.post("/admin/routing/resume", "scope=skole&_csrf=" + WebSession.enc(token)).statusCode()).isEqualTo(302);
        MailClassified resumed = send(Classified.routeTo("skole"));
        await().atMost(Duration.ofSeconds(30)).until(() -> outcome(resumed).equals("ROUTED"));
        assertThat(reviewer.get("/queue").body()).doesNotContain("id=\"routing-paused\"");
        assertThat(jdbc.sql("""
                select actor || ' ' || action || ' ' || (detail->>'scope') from audit_log where action in ('PAUSE', 'RESUME') order by id""")
                .query(String.class).list()).containsExactly("adm_eva PAUSE skole", "adm_eva RESUME skole");
    }

    /**
     * ADMIN searches the audit log by mail, person and period and exports it; each reading is audited
     * in turn. Others may not read it.
     */
    @Test
    void theAuditLogIsSearchedAndExportedAndReadingItIsAudited() throws Exception {
        MailClassified mail = send(Classified.reviewOf("skole", 0.4));
        MailClassified another = send(Classified.reviewOf("skole", 0.4));
        await().atMost(Duration.ofSeconds(30)).until(() -> outcome(mail).equals("REVIEW") && outcome(another).equals("REVIEW"));
        claims.claim(mail.mailId().value(), "rv_anna");
        claims.claim(another.mailId().value(), "rv_cai");
        assertThat(decisions.close(mail.mailId().value(), ReviewDecisions.Closing.SPAM, "rv_anna")).isEqualTo(ReviewDecisions.Result.DONE);
        String today = LocalDate.now(ReportPeriod.DANISH_TIME).toString();

        WebSession admin = new WebSession(port);
        admin.signIn("adm_eva", RoutingTestParts.PASSWORD);
        String byMail = admin.get("/admin/audit?mail=" + mail.mailId()).body();
        assertThat(byMail).contains("2 rækker.", "CLAIM", "CLOSE", "reason=SPAM").doesNotContain(another.mailId().toString());
        String byPerson = admin.get("/admin/audit?actor=rv_cai&from=" + today + "&to=" + today).body();
        assertThat(byPerson).contains(another.mailId().toString()).doesNotContain(mail.mailId().toString());
        assertThat(admin.get("/admin/audit?actor=rv_cai&to=" + LocalDate.parse(today).minusDays(1)).body()).contains("0 rækker.");
        assertThat(admin.get("/admin/audit?mail=ikke-et-id").body()).contains("Søgningen kunne ikke forstås");

        HttpResponse<String> export = admin.get("/admin/audit.csv?mail=" + mail.mailId());
        assertThat(export.statusCode()).isEqualTo(200);
        // The mail's claim and closing, and the reading of its log a moment ago.
        assertThat(export.body().split("\r\n")).hasSize(4).startsWith("id;tidspunkt;person;handling;post;detaljer");
        assertThat(export.body()).contains(";rv_anna;CLAIM;" + mail.mailId() + ";", ";rv_anna;CLOSE;" + mail.mailId() + ";reason=SPAM",
                ";adm_eva;AUDIT_READ;" + mail.mailId() + ";as=page, rows=2");

        // Each reading is audited: who, how, what was searched and how many rows it gave.
        List<String> reads = jdbc.sql("""
                select actor || ' ' || (detail->>'as') || ' ' || coalesce(mail_id::text, '-') || ' ' || (detail->>'rows')
                from audit_log where action = 'AUDIT_READ' order by id""").query(String.class).list();
        assertThat(reads).containsSubsequence("adm_eva page " + mail.mailId() + " 2", "adm_eva page - 1", "adm_eva page - 0",
                "adm_eva csv " + mail.mailId() + " 3");
        WebSession reviewer = new WebSession(port);
        reviewer.signIn("rv_anna", RoutingTestParts.PASSWORD);
        assertThat(reviewer.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/admin/audit.csv").statusCode()).isEqualTo(403);
    }

    /**
     * Mail in English made deliberately worse — every one routed automatically and corrected — is
     * flagged on the ops page and in the metric behind the alert; Danish mail, routed right, is not.
     */
    @Test
    void theLiveSliceViewFlagsASliceTheModelFails() throws Exception {
        List<MailClassified> danish = new ArrayList<>();
        List<MailClassified> english = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            danish.add(send(Classified.routeTo("skole").content("Skolestart", "Hvornår starter skolen efter ferien?", 0).language("da")));
            english.add(send(Classified.routeTo("skole").content("Bin", "The bin was not emptied this week.", 0).language("en")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Stream.concat(danish.stream(), english.stream())
                .allMatch(mail -> outcome(mail).equals("ROUTED")));
        for (MailClassified mail : english) {
            assertThat(decisions.correct(mail.mailId().value(), "byggeri", "rv_anna")).isEqualTo(ReviewDecisions.Result.DONE);
        }

        sliceMetrics.refresh();
        assertThat(meters.get("postfordeling.routing.slice.below.whole").tag("slice", "language=en").gauge().value()).isEqualTo(1.0);
        assertThat(meters.find("postfordeling.routing.slice.below.whole").tag("slice", "language=da").gauge()).isNull();
        assertThat(meters.get("postfordeling.routing.slices.flagged").gauge().value()).isPositive();
        WebSession ops = new WebSession(port);
        ops.signIn("ops_ole", RoutingTestParts.PASSWORD);
        String page = ops.get("/ops").body();
        assertThat(page).contains("id=\"flagged-slices\"");
        assertThat(row(page, "slice-language=en")).contains("flagged", "0 %", "ja: accuracy");
        assertThat(row(page, "slice-language=da")).doesNotContain("flagged").contains("100 %");
    }

    /** The table row with this id, as HTML. */
    private static String row(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private MailClassified send(Classified mail) throws Exception {
        dk.postfordeling.platform.blob.StoredBlob original = blobs.put(new java.io.ByteArrayInputStream(
                ("Subject: Sag\r\n\r\n" + UUID.randomUUID() + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        MailClassified classified = mail.original(original.sha256(), original.uri()).build();
        kafka.send(Topics.MAIL_CLASSIFIED.name(), classified.mailId().toString(), classified);
        return classified;
    }

    private String outcome(MailClassified mail) {
        return jdbc.sql("select outcome from routing_outcome where mail_id = :id").param("id", mail.mailId().value())
                .query(String.class).optional().orElse("");
    }

    private String decidedBy(MailClassified mail) {
        return jdbc.sql("select decided_by from routing_outcome where mail_id = :id").param("id", mail.mailId().value())
                .query(String.class).optional().orElse("");
    }

    /** Seconds from intake's acceptance to the destination, as recorded. */
    private List<Double> toDestination(MailClassified mail) {
        return jdbc.sql("""
                select extract(epoch from o.decided_at - t.received_at) from routing_outcome o join routing_task t on t.mail_id = o.mail_id
                where o.mail_id = :id""").param("id", mail.mailId().value()).query(Double.class).list();
    }

    /** Seconds from a person's claim to their decision, as recorded. */
    private List<Double> handling(MailClassified mail) {
        return jdbc.sql("select extract(epoch from decided_at - claimed_at) from review_item where mail_id = :id")
                .param("id", mail.mailId().value()).query(Double.class).list();
    }

    /** Linear interpolation between the closest ranks, as PostgreSQL's percentile_cont. */
    private static double percentile(List<Double> values, double fraction) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    private static String seconds(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", Math.round(value * 1000) / 1000.0).replace('.', ',');
    }

    private Map<String, String> csv(ReportPeriod period) throws Exception {
        WebSession admin = new WebSession(port);
        admin.signIn("adm_eva", RoutingTestParts.PASSWORD);
        HttpResponse<String> response = admin.get("/ops/efficiency.csv?period=WEEK&date=" + period.first());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        Map<String, String> values = new HashMap<>();
        Arrays.stream(response.body().split("\r\n")).skip(1).map(line -> line.split(";", -1))
                .forEach(cells -> values.put(cells[0], cells[2]));
        assertThat(values.get("period")).startsWith(period.label());
        return values;
    }
}
