package dk.postfordeling.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.MailRouted;
import dk.postfordeling.contracts.ReviewRequested;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.StoredBlob;
import dk.postfordeling.routing.RoutingTestParts;
import dk.postfordeling.testing.Classified;
import dk.postfordeling.testing.KafkaTestConsumer;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "postfordeling.routing.blob-store-dir=${java.io.tmpdir}/postfordeling-routing-test/${random.uuid}",
        "postfordeling.kafka.partitions=1",
        "postfordeling.routing.poll-interval=100ms",
        "postfordeling.routing.destinations[05.13.04].type=FUNCTION_MAILBOX",
        "postfordeling.routing.destinations[05.13.04].address=parkering@kommune.example",
        "postfordeling.routing.destinations.skole.target-precision=0.99",
        "server.port=0"})
@EmbeddedKafka(partitions = 1)
@org.springframework.test.annotation.DirtiesContext // closed while its embedded broker still runs, not at JVM exit
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingServiceTest {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        RoutingTestParts.register(registry);
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    BlobStore blobStore;

    @Autowired
    JdbcClient jdbc;

    KafkaTestConsumer<MailRouted> routed;
    KafkaTestConsumer<ReviewRequested> reviews;

    @BeforeAll
    void watch() throws Exception {
        RoutingTestParts.MAIL.setUser("parkering@kommune.example", "parkering", "secret");
        RoutingTestParts.MAIL.setUser("affald@kommune.example", "affald", "secret");
        routed = new KafkaTestConsumer<>(brokers, Topics.MAIL_ROUTED);
        reviews = new KafkaTestConsumer<>(brokers, Topics.MAIL_REVIEW_REQUESTED);
    }

    @AfterAll
    void stopWatching() {
        routed.close();
        reviews.close();
    }

    @Test
    void forwardsAConfidentMailToItsFunctionMailboxWithTheOriginalAttached() throws Exception {
        byte[] eml = sample("parking-complaint-with-pdf.eml");
        MailClassified mail = in(store(eml), Classified.routeTo("parkering").confidence(0.94));

        send(mail);

        await().atMost(Duration.ofSeconds(20)).until(() -> !routed.valuesFor(mail.mailId().toString()).isEmpty());
        MailRouted event = routed.valuesFor(mail.mailId().toString()).get(0);
        assertThat(event.destination().type()).isEqualTo(DestinationType.FUNCTION_MAILBOX);
        assertThat(event.destination().address()).isEqualTo("parkering@kommune.example");
        assertThat(event.decidedBy()).isEqualTo("MODEL");

        MimeMessage forwarded = inboxMessage("parkering", "secret", event.externalReference());
        assertThat(forwarded.getSubject()).isEqualTo("Fordelt: Klage over parkeringsafgift på Vesterbrogade");
        Multipart parts = (Multipart) forwarded.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).contains("parkering", mail.mailId().toString(), "94 %");
        Part original = parts.getBodyPart(1);
        assertThat(original.isMimeType("message/rfc822")).isTrue();
        try (InputStream in = original.getInputStream()) {
            assertThat(new String(in.readAllBytes())).contains("Content-Disposition: attachment; filename=\"kontrolafgift.pdf\"");
        }
        assertThat(outcomeOf(mail.mailId())).isEqualTo("ROUTED");
    }

    @Test
    void putsAnUnsureMailInTheReviewQueueWithItsReasons() {
        MailClassified mail = in(store(sample("ambiguous-question.eml")), Classified.reviewOf("parkering", 0.41));

        send(mail);

        await().atMost(Duration.ofSeconds(20)).until(() -> !reviews.valuesFor(mail.mailId().toString()).isEmpty());
        ReviewRequested event = reviews.valuesFor(mail.mailId().toString()).get(0);
        assertThat(event.reasons()).extracting(DecisionReason::code).containsExactly("LOW_CONFIDENCE");
        assertThat(event.suggestions()).extracting(LabelScore::label).startsWith("parkering");
        assertThat(jdbc.sql("select status from review_item where mail_id = :id").param("id", mail.mailId().value())
                .query(String.class).single()).isEqualTo("OPEN");
        assertThat(outcomeOf(mail.mailId())).isEqualTo("REVIEW");
    }

    @Test
    void aLabelTheTableAlwaysSendsToAPersonGoesToReviewEvenWhenConfident() {
        MailClassified mail = in(store(sample("bulky-waste-pickup.eml")), Classified.routeTo("pleje-og-omsorg").confidence(0.99));

        send(mail);

        await().atMost(Duration.ofSeconds(20)).until(() -> !reviews.valuesFor(mail.mailId().toString()).isEmpty());
        assertThat(reviews.valuesFor(mail.mailId().toString()).get(0).reasons())
                .extracting(DecisionReason::code).containsExactly("RULE_ALWAYS_REVIEW");
    }

    @Test
    void aLabelWithoutDestinationGoesToReview() {
        MailClassified mail = in(store("uden modtager".getBytes()), Classified.routeTo("ukendt-postkasse").confidence(0.99));

        send(mail);

        await().atMost(Duration.ofSeconds(20)).until(() -> !reviews.valuesFor(mail.mailId().toString()).isEmpty());
        assertThat(reviews.valuesFor(mail.mailId().toString()).get(0).reasons())
                .extracting(DecisionReason::code).containsExactly("NO_DESTINATION");
    }

    @Test
    void aRedeliveredClassificationIsDeliveredOnce() throws Exception {
        MailClassified mail = in(store(sample("bulky-waste-pickup.eml")), Classified.routeTo("affald").confidence(0.97));
        MailClassified marker = in(store("marker".getBytes()), Classified.reviewOf("affald", 0.30));

        send(mail);
        send(mail);
        send(marker);

        // One partition: once the marker is handled, both copies before it have been consumed.
        await().atMost(Duration.ofSeconds(20)).until(() -> !reviews.valuesFor(marker.mailId().toString()).isEmpty()
                && !routed.valuesFor(mail.mailId().toString()).isEmpty());
        assertThat(routed.valuesFor(mail.mailId().toString())).hasSize(1);
        long copies = java.util.Arrays.stream(RoutingTestParts.MAIL.getReceivedMessagesForDomain("kommune.example"))
                .filter(m -> header(m, "X-Postfordeling-Mail-Id").equals(mail.mailId().toString())).count();
        assertThat(copies).isEqualTo(1);
    }

    @Test
    void anAccessRequestGoesToAPersonWhateverTheModelSays() {
        MailClassified mail = in(store("aktindsigt".getBytes()), Classified.routeTo("parkering").confidence(0.99)
                .content("Anmodning", "Jeg beder om aktindsigt i min parkeringssag.", 0));

        send(mail);

        await().atMost(Duration.ofSeconds(20)).until(() -> !reviews.valuesFor(mail.mailId().toString()).isEmpty());
        assertThat(reviews.valuesFor(mail.mailId().toString()).get(0).reasons())
                .extracting(DecisionReason::code).containsExactly("RULE_AKTINDSIGT");
    }

    @Test
    void healthTermsGoToAPersonOnlyWithACprNumber() {
        MailClassified withCpr = in(store("helbred 1".getBytes()), Classified.routeTo("affald").confidence(0.99)
                .content("Storskrald", "Min mor har en diagnose og kan ikke bære storskrald ud.", 1));
        MailClassified withoutCpr = in(store("helbred 2".getBytes()), Classified.routeTo("affald").confidence(0.99)
                .content("Storskrald", "Min mor har en diagnose og kan ikke bære storskrald ud.", 0));

        send(withCpr);
        send(withoutCpr);

        await().atMost(Duration.ofSeconds(20)).until(() -> !reviews.valuesFor(withCpr.mailId().toString()).isEmpty()
                && !routed.valuesFor(withoutCpr.mailId().toString()).isEmpty());
        assertThat(reviews.valuesFor(withCpr.mailId().toString()).get(0).reasons())
                .extracting(DecisionReason::code).containsExactly("RULE_HELBRED_OG_SOCIALE_FORHOLD");
    }

    @Test
    void theSendersKleCodeRoutesDigitalPostTheModelWasUnsureOf() {
        MailClassified mail = in(store("kle".getBytes()), Classified.reviewOf("affald", 0.40).channel(Channel.DIGITAL_POST).kle("05.13.04"));

        send(mail);

        await().atMost(Duration.ofSeconds(20)).until(() -> !routed.valuesFor(mail.mailId().toString()).isEmpty());
        MailRouted event = routed.valuesFor(mail.mailId().toString()).get(0);
        assertThat(event.label()).isEqualTo("05.13.04");
        assertThat(event.decidedBy()).isEqualTo("RULE");
        assertThat(event.destination().address()).isEqualTo("parkering@kommune.example");
    }

    @Test
    void aStricterDestinationSendsALessCertainMailToAPerson() {
        MailClassified mail = in(store("skole".getBytes()), Classified.routeTo("skole").confidence(0.97));

        send(mail);

        await().atMost(Duration.ofSeconds(20)).until(() -> !reviews.valuesFor(mail.mailId().toString()).isEmpty());
        assertThat(reviews.valuesFor(mail.mailId().toString()).get(0).reasons())
                .extracting(DecisionReason::code).containsExactly("BELOW_DESTINATION_PRECISION");
        assertThat(reviews.valuesFor(mail.mailId().toString()).get(0).reasons().get(0).text()).contains("97 %", "99 %");
    }

    private void send(MailClassified mail) {
        kafka.send(Topics.MAIL_CLASSIFIED.name(), mail.mailId().toString(), mail);
    }

    private String outcomeOf(MailId id) {
        return jdbc.sql("select outcome from routing_outcome where mail_id = :id").param("id", id.value())
                .query(String.class).single();
    }

    private StoredBlob store(byte[] content) {
        try {
            // Salt with a unique header line so every test mail is a distinct original.
            byte[] unique = ("X-Test-Id: " + UUID.randomUUID() + "\r\n" + new String(content, "ISO-8859-1")).getBytes("ISO-8859-1");
            return blobStore.put(new ByteArrayInputStream(unique));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mail as classified, with its original in the blob store. */
    private static MailClassified in(StoredBlob original, Classified mail) {
        return mail.original(original.sha256(), original.uri()).build();
    }

    private static MimeMessage inboxMessage(String login, String password, String messageId) throws Exception {
        var imap = RoutingTestParts.MAIL.getImap();
        try (var store = GreenMailUtil.getSession(imap.getServerSetup()).getStore("imap")) {
            store.connect(imap.getBindTo(), imap.getPort(), login, password);
            var inbox = store.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            for (Message message : inbox.getMessages()) {
                MimeMessage copy = new MimeMessage((MimeMessage) message);
                if (messageId.equals(copy.getMessageID())) {
                    return copy;
                }
            }
            throw new AssertionError("no message " + messageId + " in " + login + "'s inbox");
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? "" : values[0];
        } catch (Exception e) {
            return "";
        }
    }

    private static byte[] sample(String name) {
        try (InputStream in = RoutingServiceTest.class.getResourceAsStream("/samples/mails/" + name)) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
