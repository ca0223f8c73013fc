package dk.postfordeling.routing.dispatch;

import dk.postfordeling.testing.Classified;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.StoredBlob;
import dk.postfordeling.routing.RoutingTestParts;
import dk.postfordeling.routing.destination.ResilientFiling;
import dk.postfordeling.testing.F2Simulator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * F2 is down while 200 mails flow; when it returns every mail is filed exactly once — counted on
 * the matters the F2 stub actually created — and none is lost or sent to a person for the outage.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "postfordeling.routing.blob-store-dir=${java.io.tmpdir}/postfordeling-routing-test/${random.uuid}",
        "postfordeling.kafka.partitions=1",
        "postfordeling.routing.poll-interval=50ms",
        "postfordeling.routing.destinations.byggeri.type=F2",
        "postfordeling.routing.destinations.byggeri.case-id=" + F2Simulator.CASE_ID,
        "postfordeling.routing.f2.client-id=postfordeling",
        "postfordeling.routing.f2.client-secret=hemmelig",
        "postfordeling.routing.f2.username=postfordeling",
        "postfordeling.routing.retry-backoff=200ms",
        "postfordeling.routing.max-attempts=20",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=500ms",
        "resilience4j.retry.configs.default.wait-duration=20ms",
        "server.port=0"})
@EmbeddedKafka(partitions = 1)
@org.springframework.test.annotation.DirtiesContext // closed while its embedded broker still runs, not at JVM exit
class EsdhOutageTest {

    private static final F2Simulator SIMULATOR = new F2Simulator();
    private static final WireMockServer F2 = SIMULATOR.server();
    private static final Pattern MAIL_ID = Pattern.compile("Mail-id: ([0-9a-f-]{36})");

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        RoutingTestParts.register(registry);
        registry.add("postfordeling.routing.f2.base-uri", SIMULATOR::baseUrl);
    }

    @AfterAll
    static void stopF2() {
        SIMULATOR.close();
    }

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    BlobStore blobStore;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResilientFiling filing;

    @Test
    void everyMailIsFiledExactlyOnceAfterAnOutage() {
        SIMULATOR.install("t1");
        StubMapping outage = F2.stubFor(any(urlMatching("/F2Rest/.*")).atPriority(1).willReturn(aResponse().withStatus(503)));
        List<MailClassified> mails = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            MailClassified mail = classified(store(("Subject: Byggetilladelse " + i + "\r\n\r\nTilbygning\r\n").getBytes(StandardCharsets.US_ASCII)));
            mails.add(mail);
            kafka.send(Topics.MAIL_CLASSIFIED.name(), mail.mailId().toString(), mail);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> filing.state(DestinationType.F2) == CircuitBreaker.State.OPEN
                && waiting() > 0);
        long routedDuringOutage = routed(mails);
        F2.removeStub(outage);

        await().atMost(Duration.ofSeconds(90)).until(() -> routed(mails) == 200);

        List<String> matterPayloads = SIMULATOR.createdMatters();
        Set<String> filedMailIds = matterPayloads.stream().map(EsdhOutageTest::mailId).collect(Collectors.toSet());
        assertThat(routedDuringOutage).isZero();
        assertThat(matterPayloads).as("matters F2 created").hasSize(200);
        assertThat(filedMailIds).containsExactlyInAnyOrderElementsOf(mails.stream().map(m -> m.mailId().toString()).toList());
        assertThat(SIMULATOR.createdDocuments()).as("documents F2 created").isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from review_item where mail_id in (:ids)")
                .param("ids", mails.stream().map(m -> m.mailId().value()).toList()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from delivery where state = 'CONFIRMED' and mail_id in (:ids)")
                .param("ids", mails.stream().map(m -> m.mailId().value()).toList()).query(Long.class).single()).isEqualTo(200);
    }

    @Test
    void aMatterF2RefusesGoesToAPersonWithTheReasonAndIsNotRetried() {
        SIMULATOR.install("t1");
        F2.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlMatching("/F2Rest/poe/.*")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Ukendt emne"))
                .willReturn(aResponse().withStatus(400).withBody("<Error>KeywordCode findes ikke</Error>")));
        MailClassified plain = classified(store("Subject: Ukendt\r\n\r\nTekst\r\n".getBytes(StandardCharsets.US_ASCII)));
        MailClassified mail = new MailClassified(plain.mailId(), Channel.DIGITAL_POST, plain.originalRef(), plain.predictions(),
                plain.decision(), plain.reasons(), plain.explanation(),
                new dk.postfordeling.contracts.RoutingHints(null, null, "CPR", "Ukendt emne"), plain.modelVersion(), plain.classifiedAt());

        kafka.send(Topics.MAIL_CLASSIFIED.name(), mail.mailId().toString(), mail);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from review_item where mail_id = :id")
                .param("id", mail.mailId().value()).query(Long.class).single() == 1);
        String reasons = jdbc.sql("select reasons::text from review_item where mail_id = :id").param("id", mail.mailId().value())
                .query(String.class).single();
        assertThat(reasons).contains("DESTINATION_REJECTED", "HTTP 400");
        F2.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlMatching("/F2Rest/poe/.*"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Ukendt emne")));
    }

    private long waiting() {
        return jdbc.sql("select count(*) from routing_task where status = 'PENDING' and waiting_for = 'f2'").query(Long.class).single();
    }

    private long routed(List<MailClassified> mails) {
        return jdbc.sql("select count(*) from routing_outcome where outcome = 'ROUTED' and mail_id in (:ids)")
                .param("ids", mails.stream().map(m -> m.mailId().value()).toList()).query(Long.class).single();
    }

    private static String mailId(String matterXml) {
        Matcher matcher = MAIL_ID.matcher(matterXml);
        return matcher.find() ? matcher.group(1) : "none";
    }

    private StoredBlob store(byte[] content) {
        byte[] unique = ("X-Test-Id: " + UUID.randomUUID() + "\r\n" + new String(content, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
        try {
            return blobStore.put(new ByteArrayInputStream(unique));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MailClassified classified(StoredBlob original) {
        return Classified.routeTo("byggeri").original(original.sha256(), original.uri()).build();
    }
}
