package dk.postfordeling.routing.review;

import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailJson;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only writer of {@code review_item}: a mail in a person's hands and its life there — queued,
 * claimed, released, decided, reopened by an undo. Each change is one conditional statement, so two
 * people (on any instance) can never both hold or decide the same item. Every method joins the
 * caller's transaction; the workbench's pages read the table on their own.
 */
@Repository
public class ReviewItems {

    /** Who holds an item, or that it is decided. */
    public record Holder(ReviewStatus status, String reviewer, Instant since) {
    }

    private final JdbcClient jdbc;

    public ReviewItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the mail for a person; returns false when it is queued already (the queue is idempotent by mail id). */
    boolean add(MailClassified mail, List<DecisionReason> reasons, List<dk.postfordeling.contracts.LabelScore> suggestions,
            Instant at) {
        return jdbc.sql("""
                insert into review_item (mail_id, original_ref, channel, reasons, suggestions, explanation, model_version, created_at)
                values (:id, :original, :channel, cast(:reasons as jsonb), cast(:suggestions as jsonb),
                        cast(:explanation as jsonb), :model, :at)
                on conflict (mail_id) do nothing""")
                .param("id", mail.mailId().value())
                .param("original", mail.originalRef())
                // A mail whose dead-lettered record could not be read has no known channel and no prediction.
                .param("channel", mail.channel() == null ? "UNKNOWN" : mail.channel().name())
                .param("reasons", MailJson.mapper().writeValueAsString(reasons))
                .param("suggestions", MailJson.mapper().writeValueAsString(suggestions))
                .param("explanation", MailJson.mapper().writeValueAsString(mail.explanation()))
                .param("model", mail.modelVersion())
                .param("at", Timestamp.from(at))
                .update() == 1;
    }

    /**
     * Gives the item to the reviewer if it is open, already theirs, or held by someone whose claim is
     * older than {@code timeout}. Returns whether they hold it now.
     */
    boolean claim(UUID mailId, String reviewer, Duration timeout) {
        return jdbc.sql("""
                update review_item set status = '%2$s', claimed_by = :reviewer, claimed_at = now()
                where mail_id = :id and (status = '%1$s'
                    or (status = '%2$s' and (claimed_by = :reviewer or claimed_at < now() - cast(:timeout as interval))))"""
                .formatted(ReviewStatus.OPEN, ReviewStatus.CLAIMED))
                .param("id", mailId).param("reviewer", reviewer).param("timeout", timeout.toSeconds() + " seconds")
                .update() == 1;
    }

    /** The item's state and who holds (or last held) it; empty for a mail not in review. */
    Optional<Holder> holder(UUID mailId) {
        return jdbc.sql("select status, claimed_by, claimed_at from review_item where mail_id = :id")
                .param("id", mailId)
                .query((rs, n) -> new Holder(ReviewStatus.valueOf(rs.getString("status")), rs.getString("claimed_by"),
                        rs.getTimestamp("claimed_at") == null ? null : rs.getTimestamp("claimed_at").toInstant()))
                .optional();
    }

    /** Gives a claimed item back to the queue; only its holder can. Returns whether it was released. */
    boolean release(UUID mailId, String reviewer) {
        return jdbc.sql("""
                update review_item set status = '%s', claimed_by = null, claimed_at = null
                where mail_id = :id and status = '%s' and claimed_by = :reviewer""".formatted(ReviewStatus.OPEN, ReviewStatus.CLAIMED))
                .param("id", mailId).param("reviewer", reviewer).update() == 1;
    }

    /**
     * The holder decides the item ({@code ROUTE:label}, or a closing reason). Returns false when the
     * reviewer does not hold it.
     */
    public boolean decide(UUID mailId, String reviewer, String decision, Instant at) {
        return jdbc.sql("""
                update review_item set status = '%s', decision = :decision, decided_by = :reviewer, decided_at = :at
                where mail_id = :id and status = '%s' and claimed_by = :reviewer""".formatted(ReviewStatus.DONE, ReviewStatus.CLAIMED))
                .param("id", mailId).param("reviewer", reviewer).param("decision", decision)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** The reviewer's own decision on the item if they made it after {@code since}. */
    public Optional<String> decisionSince(UUID mailId, String reviewer, Instant since) {
        return jdbc.sql("""
                select decision from review_item where mail_id = :id and status = '%s' and decided_by = :reviewer
                and decided_at > :since""".formatted(ReviewStatus.DONE))
                .param("id", mailId).param("reviewer", reviewer).param("since", Timestamp.from(since))
                .query(String.class).optional();
    }

    /** The explanation names the mail's own words: it goes when the mail's content is erased. */
    public void eraseExplanation(UUID mailId) {
        jdbc.sql("update review_item set explanation = null where mail_id = :id").param("id", mailId).update();
    }

    /** An undone decision: the item is back in the reviewer's hands, undecided. */
    public void reopen(UUID mailId, String reviewer) {
        jdbc.sql("""
                update review_item set status = '%s', claimed_by = :reviewer, claimed_at = now(),
                    decision = null, decided_by = null, decided_at = null
                where mail_id = :id""".formatted(ReviewStatus.CLAIMED))
                .param("id", mailId).param("reviewer", reviewer).update();
    }

    /** A mail waiting for a person; its reasons and suggestions as the JSON stored. */
    public record Waiting(UUID mailId, String channel, ReviewStatus status, String reasonsJson, String suggestionsJson,
            Instant createdAt) {
    }

    /** The oldest {@code limit} items nobody has decided yet. */
    public List<Waiting> waiting(int limit) {
        return jdbc.sql("""
                select mail_id, channel, status, reasons::text as reasons, suggestions::text as suggestions, created_at
                from review_item where status <> '%s' order by created_at limit :limit""".formatted(ReviewStatus.DONE))
                .param("limit", limit)
                .query((rs, n) -> new Waiting(rs.getObject("mail_id", UUID.class), rs.getString("channel"),
                        ReviewStatus.valueOf(rs.getString("status")), rs.getString("reasons"), rs.getString("suggestions"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
