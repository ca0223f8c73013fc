package dk.postfordeling.routing.review;

import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.contracts.ReviewRequested;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.routing.outbox.Outbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The human-review queue: mail a person must decide on, with the reasons and the model's suggestions. */
@Component
public class ReviewQueue {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    public ReviewQueue(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Puts a mail in the queue and records the outcome; part of the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(MailClassified mail, List<DecisionReason> reasons) {
        Instant now = clock.instant();
        int added = jdbc.sql("""
                insert into review_item (mail_id, original_ref, channel, reasons, suggestions, explanation, model_version, created_at)
                values (:id, :original, :channel, cast(:reasons as jsonb), cast(:suggestions as jsonb),
                        cast(:explanation as jsonb), :model, :at)
                on conflict (mail_id) do nothing""")
                .param("id", mail.mailId().value())
                .param("original", mail.originalRef())
                // A mail whose dead-lettered record could not be read has no known channel and no prediction.
                .param("channel", mail.channel() == null ? "UNKNOWN" : mail.channel().name())
                .param("reasons", MailJson.mapper().writeValueAsString(reasons))
                .param("suggestions", MailJson.mapper().writeValueAsString(suggestions(mail)))
                .param("explanation", MailJson.mapper().writeValueAsString(mail.explanation()))
                .param("model", mail.modelVersion())
                .param("at", Timestamp.from(now))
                .update();
        if (added == 0) {
            return;
        }
        jdbc.sql("""
                insert into routing_outcome (mail_id, outcome, label, confidence, decided_by, model_version, decided_at)
                values (:id, 'REVIEW', :label, :confidence, 'MODEL', :model, :at)
                on conflict (mail_id) do nothing""")
                .param("id", mail.mailId().value())
                .param("label", mail.top().label().isEmpty() ? null : mail.top().label())
                .param("confidence", mail.top().label().isEmpty() ? null : mail.top().probability())
                .param("model", mail.modelVersion())
                .param("at", Timestamp.from(now))
                .update();
        outbox.append(Topics.MAIL_REVIEW_REQUESTED, mail.mailId().toString(),
                new ReviewRequested(mail.mailId(), reasons, suggestions(mail), now));
    }

    /** The model's labels, without the empty label of mail that failed before any model saw it. */
    public static List<dk.postfordeling.contracts.LabelScore> suggestions(MailClassified mail) {
        return mail.predictions().stream().filter(p -> !p.label().isEmpty()).toList();
    }
}
