package dk.postfordeling.routing.dispatch;

import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailJson;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import dk.postfordeling.routing.review.ReviewStatus;
import org.springframework.stereotype.Repository;

/**
 * The durable queue of classified mail in PostgreSQL, and the only writer of {@code routing_task}.
 * Statuses are written as literals from {@link TaskStatus}, so the partial indexes on them
 * ({@code routing_task_due}, {@code routing_task_dead}) serve every query.
 */
@Repository
public class RoutingTasks {

    private final JdbcClient jdbc;

    public RoutingTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a task; a mail that is already queued (Kafka redelivery) is ignored. Returns whether it was new. */
    public boolean enqueue(MailClassified classified) {
        return jdbc.sql("""
                insert into routing_task (mail_id, decision, label, confidence, channel, language, received_at, sender_type,
                    text_length, cpr_numbers, classified)
                values (:id, :decision, :label, :confidence, :channel, :language, :received, :sender, :length, :cpr,
                    cast(:classified as jsonb))
                on conflict (mail_id) do nothing""")
                .param("id", classified.mailId().value())
                .param("decision", classified.decision().name())
                .param("label", classified.top().label())
                .param("confidence", classified.top().probability())
                // A mail whose dead-lettered record could not be read has no known channel.
                .param("channel", classified.channel() == null ? null : classified.channel().name())
                .param("language", classified.content() == null ? null : classified.content().language())
                // When intake accepted it, for the efficiency report; older classifiers do not say.
                .param("received", classified.receivedAt() == null ? null : java.sql.Timestamp.from(classified.receivedAt()))
                // What the live slice view groups by (no content): sender kind, text length, CPR numbers found.
                .param("sender", senderType(classified))
                .param("length", classified.content() == null || classified.content().text() == null ? null
                        : classified.content().text().length())
                .param("cpr", classified.content() == null ? null : classified.content().cprNumbersFound())
                .param("classified", MailJson.mapper().writeValueAsString(classified))
                .update() == 1;
    }

    /** {@code citizen} or {@code company} when a Digital Post sender was identified by CPR or CVR number. */
    private static String senderType(MailClassified classified) {
        String idType = classified.hints() == null ? null : classified.hints().senderIdType();
        return "CPR".equals(idType) ? "citizen" : "CVR".equals(idType) ? "company" : "unknown";
    }

    /**
     * Locks the task that has been due longest for this transaction; other workers and instances
     * skip it. New mail is due when it is queued, so it is worked off in arrival order; mail waiting
     * for a retry or an outage takes its place when its time comes. The order is that of the
     * {@code routing_task_due} index, so the first row not locked by another worker is taken without
     * sorting the queue (ordering by arrival had sorted every due task for every mail).
     */
    Optional<RoutingTask> lockNextDue() {
        return jdbc.sql("""
                select classified::text as classified, attempts, override_label, decided_by from routing_task
                where status = '%s' and next_attempt_at <= now()
                order by next_attempt_at limit 1 for update skip locked""".formatted(TaskStatus.PENDING))
                .query((rs, n) -> new RoutingTask(
                        MailJson.mapper().readValue(rs.getString("classified"), MailClassified.class), rs.getInt("attempts"),
                        rs.getString("override_label"), rs.getString("decided_by")))
                .optional();
    }

    void markDone(UUID mailId) {
        jdbc.sql("update routing_task set status = '%s', waiting_for = null, updated_at = now() where mail_id = :id"
                .formatted(TaskStatus.DONE))
                .param("id", mailId).update();
    }

    void scheduleRetry(UUID mailId, Instant nextAttempt, String error) {
        jdbc.sql("""
                update routing_task set attempts = attempts + 1, next_attempt_at = :next, last_error = :error, updated_at = now()
                where mail_id = :id""")
                .param("id", mailId)
                .param("next", Timestamp.from(nextAttempt))
                .param("error", error)
                .update();
    }

    /** Puts the task off until the destination may be back, without counting an attempt. */
    void waitFor(UUID mailId, Instant until, String destination) {
        jdbc.sql("update routing_task set next_attempt_at = :next, waiting_for = :destination, updated_at = now() where mail_id = :id")
                .param("id", mailId)
                .param("next", Timestamp.from(until))
                .param("destination", destination)
                .update();
    }

    /** Gives up on the task until ops replay it. */
    void markDead(UUID mailId, String destination, String cause) {
        jdbc.sql("""
                update routing_task set status = '%s', attempts = attempts + 1, dead_destination = :destination,
                    last_error = :cause, dead_at = now(), waiting_for = null, updated_at = now()
                where mail_id = :id""".formatted(TaskStatus.DEAD))
                .param("id", mailId).param("destination", destination).param("cause", cause).update();
    }

    /** A dead-lettered task. */
    public record DeadLetter(UUID mailId, String label, String destination, String cause, int attempts, Instant deadAt) {
    }

    /** Dead-lettered tasks, oldest first. */
    public List<DeadLetter> deadLetters() {
        return jdbc.sql("""
                select mail_id, label, dead_destination, last_error, attempts, dead_at from routing_task
                where status = '%s' order by dead_at""".formatted(TaskStatus.DEAD))
                .query((rs, n) -> new DeadLetter(rs.getObject("mail_id", UUID.class), rs.getString("label"),
                        rs.getString("dead_destination"), rs.getString("last_error"), rs.getInt("attempts"),
                        rs.getTimestamp("dead_at").toInstant()))
                .list();
    }

    /**
     * Puts dead-lettered tasks back in the queue with fresh attempts; their idempotency records are
     * kept, so filing continues where it stopped. {@code mailId} null: every dead letter.
     *
     * @return how many were put back
     */
    public int replay(UUID mailId) {
        return jdbc.sql("""
                update routing_task set status = '%s', attempts = 0, next_attempt_at = now(), dead_destination = null,
                    dead_at = null, updated_at = now()
                where status = '%s' and (cast(:id as uuid) is null or mail_id = :id)""".formatted(TaskStatus.PENDING, TaskStatus.DEAD))
                .param("id", mailId).update();
    }

    /**
     * Mails whose content has outlived its retention: filed or closed before {@code before}, and not
     * waiting for a person or for a replay. Locked for the caller's transaction; other instances skip them.
     */
    public List<UUID> contentDueForErasure(Instant before, int limit) {
        return jdbc.sql("""
                select t.mail_id from routing_task t left join review_item r on r.mail_id = t.mail_id
                where t.status = '%s' and t.content_erased_at is null and (r.mail_id is null or r.status = '%s')
                  and greatest(t.updated_at, coalesce(r.decided_at, t.updated_at)) < :before
                order by t.updated_at limit :limit for update of t skip locked""".formatted(TaskStatus.DONE, ReviewStatus.DONE))
                .param("before", Timestamp.from(before)).param("limit", limit)
                .query(UUID.class).list();
    }

    /**
     * Removes the mail's text and explanation from its task, keeping ids, labels and decisions; a task
     * not yet filed is not filed any more. Returns whether the mail was known.
     */
    public boolean eraseContent(UUID mailId, Instant at) {
        return jdbc.sql("""
                update routing_task set classified = (classified - 'content') - 'explanation', content_erased_at = :at,
                    status = case when status = '%1$s' then '%2$s' else status end, updated_at = now()
                where mail_id = :id""".formatted(TaskStatus.PENDING, TaskStatus.DONE))
                .param("id", mailId).param("at", Timestamp.from(at)).update() == 1;
    }

    /** Whether the mail's task is finished: filed, or handed to review. */
    public boolean isDone(UUID mailId) {
        return jdbc.sql("select count(*) from routing_task where mail_id = :id and status = '%s'".formatted(TaskStatus.DONE))
                .param("id", mailId).query(Integer.class).single() == 1;
    }

    /** The classification a task was created from. */
    public Optional<MailClassified> classified(UUID mailId) {
        return jdbc.sql("select classified::text from routing_task where mail_id = :id").param("id", mailId)
                .query(String.class).optional().map(json -> MailJson.mapper().readValue(json, MailClassified.class));
    }

    /**
     * Sends the task through dispatch again with the label a person chose, from {@code notBefore}
     * (the end of the undo window), in the caller's transaction.
     */
    public void decideByReviewer(UUID mailId, String label, String reviewer, Instant notBefore) {
        jdbc.sql("""
                update routing_task set status = '%s', override_label = :label, decided_by = :reviewer, attempts = 0,
                    next_attempt_at = :notBefore, updated_at = now()
                where mail_id = :id""".formatted(TaskStatus.PENDING))
                .param("id", mailId).param("label", label).param("reviewer", reviewer)
                .param("notBefore", Timestamp.from(notBefore)).update();
    }

    /**
     * Takes back a person's decision that dispatch has not acted on yet (still inside its undo
     * window). Returns whether it was taken back; false once filing has begun.
     */
    public boolean undoDecision(UUID mailId, String reviewer) {
        return jdbc.sql("""
                update routing_task set status = '%s', override_label = null, decided_by = null, updated_at = now()
                where mail_id = :id and status = '%s' and decided_by = :reviewer and next_attempt_at > now()"""
                .formatted(TaskStatus.DONE, TaskStatus.PENDING))
                .param("id", mailId).param("reviewer", reviewer).update() == 1;
    }
}
