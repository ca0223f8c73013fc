package dk.postfordeling.routing.workbench;

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
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.StoredBlob;
import dk.postfordeling.routing.RoutingTestParts;
import dk.postfordeling.routing.WithRoutingService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * (Mail goes to the skole mailbox: the test mail server is shared, and other tests create the parkering
 * and affald users.)
 * Within the undo window a person takes a decision back and nothing has happened: no filing, no
 * feedback; the item is back in their hands. Closing (not for us, spam) ends in a case-less outcome
 * that can be undone too; only the person who decided can undo.
 */
@WithRoutingService
class UndoAndCloseTest {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        RoutingTestParts.register(registry, Duration.ofHours(1));
    }

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BlobStore blobs;

    @Autowired
    ReviewDecisions decisions;

    @Autowired
    dk.postfordeling.routing.review.ReviewClaims claims;

    @Test
    void aRoutingDecisionIsUndoneBeforeAnythingHappens() throws Exception {
        MailClassified mail = inQueue(Decision.REVIEW);
        claims.claim(mail.mailId().value(), "rv_anna");
        assertThat(decisions.decide(mail.mailId().value(), "byggeri", "rv_anna")).isEqualTo(ReviewDecisions.Result.DONE);
        assertThat(itemStatus(mail)).isEqualTo("DONE");
        assertThat(pendingFeedback(mail)).isEqualTo(1);

        assertThat(decisions.undo(mail.mailId().value(), "rv_bo")).as("only the person who decided").isEqualTo(ReviewDecisions.Result.TOO_LATE);
        assertThat(decisions.undo(mail.mailId().value(), "rv_anna")).isEqualTo(ReviewDecisions.Result.DONE);

        assertThat(itemStatus(mail)).isEqualTo("CLAIMED");
        assertThat(jdbc.sql("select status from routing_task where mail_id = :id").param("id", mail.mailId().value())
                .query(String.class).single()).isEqualTo("DONE");
        assertThat(pendingFeedback(mail)).as("nothing learnt").isZero();
        assertThat(jdbc.sql("select count(*) from delivery where mail_id = :id").param("id", mail.mailId().value())
                .query(Long.class).single()).as("nothing filed").isZero();
        assertThat(jdbc.sql("select outcome from routing_outcome where mail_id = :id").param("id", mail.mailId().value())
                .query(String.class).single()).isEqualTo("REVIEW");
    }

    @Test
    void closingAsSpamEndsTheItemAndCanBeUndone() throws Exception {
        MailClassified mail = inQueue(Decision.REVIEW);
        assertThat(decisions.close(mail.mailId().value(), ReviewDecisions.Closing.SPAM, "rv_anna"))
                .as("only with a claim").isEqualTo(ReviewDecisions.Result.NOT_YOUR_CLAIM);
        claims.claim(mail.mailId().value(), "rv_anna");
        assertThat(decisions.close(mail.mailId().value(), ReviewDecisions.Closing.SPAM, "rv_anna")).isEqualTo(ReviewDecisions.Result.DONE);
        assertThat(jdbc.sql("select outcome || ' ' || closed_reason from routing_outcome where mail_id = :id")
                .param("id", mail.mailId().value()).query(String.class).single()).isEqualTo("CLOSED SPAM");
        assertThat(pendingFeedback(mail)).as("spam is not a destination to learn").isZero();

        assertThat(decisions.undo(mail.mailId().value(), "rv_anna")).isEqualTo(ReviewDecisions.Result.DONE);
        assertThat(itemStatus(mail)).isEqualTo("CLAIMED");
        assertThat(jdbc.sql("select outcome from routing_outcome where mail_id = :id").param("id", mail.mailId().value())
                .query(String.class).single()).isEqualTo("REVIEW");
    }

    @Test
    void aCorrectionOfAnAutoRoutedMailCanBeUndone() throws Exception {
        MailClassified mail = inQueue(Decision.ROUTE);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ROUTED".equals(jdbc.sql("select outcome from routing_outcome where mail_id = :id")
                .param("id", mail.mailId().value()).query(String.class).optional().orElse("")));
        assertThat(decisions.correct(mail.mailId().value(), "skole", "rv_anna")).as("already there").isEqualTo(ReviewDecisions.Result.SAME_LABEL);
        assertThat(decisions.correct(mail.mailId().value(), "ukendt", "rv_anna")).isEqualTo(ReviewDecisions.Result.UNKNOWN_LABEL);
        assertThat(decisions.correct(mail.mailId().value(), "byggeri", "rv_anna")).isEqualTo(ReviewDecisions.Result.DONE);
        assertThat(decisions.correct(mail.mailId().value(), "vej-og-park", "rv_anna")).as("one correction at a time").isEqualTo(ReviewDecisions.Result.NOT_ROUTED);
        assertThat(pendingFeedback(mail)).isEqualTo(1);

        assertThat(decisions.undo(mail.mailId().value(), "rv_anna")).isEqualTo(ReviewDecisions.Result.DONE);
        assertThat(pendingFeedback(mail)).isZero();
        assertThat(jdbc.sql("select destination_key from routing_outcome where mail_id = :id").param("id", mail.mailId().value())
                .query(String.class).single()).isEqualTo("skole");
        assertThat(jdbc.sql("select count(*) from audit_log where mail_id = :id and action in ('CORRECT', 'UNDO')")
                .param("id", mail.mailId().value()).query(Long.class).single()).isEqualTo(2);
    }

    private MailClassified inQueue(Decision decision) throws Exception {
        StoredBlob original = blobs.put(new ByteArrayInputStream(("X-Test-Id: " + UUID.randomUUID()
                + "\r\nSubject: Sofa\r\n\r\nKan I hente en sofa?\r\n").getBytes(StandardCharsets.US_ASCII)));
        MailClassified mail = new MailClassified(MailId.forContent(original.sha256()), Channel.UPLOAD, original.uri(),
                List.of(new LabelScore("skole", decision == Decision.ROUTE ? 0.97 : 0.45)), decision,
                List.of(new DecisionReason("TEST", "Test.")), new Explanation("skole", List.of(), "Test."),
                null, "test-model-1", Instant.now(), new MailContent("Sofa", "Kan I hente en sofa?", 0, false, "da"));
        kafka.send(Topics.MAIL_CLASSIFIED.name(), mail.mailId().toString(), mail);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from routing_outcome where mail_id = :id")
                .param("id", mail.mailId().value()).query(Long.class).single() == 1);
        return mail;
    }

    private String itemStatus(MailClassified mail) {
        return jdbc.sql("select status from review_item where mail_id = :id").param("id", mail.mailId().value()).query(String.class).single();
    }

    private long pendingFeedback(MailClassified mail) {
        return jdbc.sql("select count(*) from outbox where message_key = :key and topic = :topic and published_at is null")
                .param("key", mail.mailId().toString()).param("topic", Topics.MAIL_FEEDBACK.name()).query(Long.class).single();
    }
}
