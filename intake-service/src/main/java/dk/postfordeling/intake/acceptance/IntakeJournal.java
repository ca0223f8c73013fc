package dk.postfordeling.intake.acceptance;

import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.contracts.MailReceived;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Intake's durable record of accepted mail, in PostgreSQL and shared by every instance: an arrival
 * is journalled as <em>pending</em> before the sender is told it was accepted, and marked
 * <em>published</em> once Kafka confirmed it. Pending arrivals are published by whichever instance
 * leases them first — after a crash, by the restarted instance or any other — so an accepted mail is
 * never lost, and is not published again once confirmed. The primary key is the de-duplication of
 * all instances: the same original (same mail id) is accepted once, even when two instances receive
 * it at the same moment. The only writer of {@code arrival}.
 */
public final class IntakeJournal {

    private static final String PENDING = "PENDING";
    private static final String PUBLISHED = "PUBLISHED";

    private final JdbcClient jdbc;

    public IntakeJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Journals a new arrival; returns false when this mail was accepted before, here or on another instance. */
    public boolean claim(MailReceived received) {
        return jdbc.sql("""
                insert into arrival (mail_id, received) values (:id, cast(:received as jsonb))
                on conflict (mail_id) do nothing""")
                .param("id", received.mailId().value())
                .param("received", MailJson.mapper().writeValueAsString(received))
                .update() == 1;
    }

    /** Records that Kafka confirmed the arrival; the arrival stays readable as published. */
    public void markPublished(MailId mailId) {
        jdbc.sql("""
                update arrival set state = '%s', published_at = now(), leased_until = null
                where mail_id = :id and state = '%s'""".formatted(PUBLISHED, PENDING))
                .param("id", mailId.value()).update();
    }

    /** A published arrival, if the journal still remembers it. */
    public Optional<MailReceived> published(MailId mailId) {
        return jdbc.sql("select received::text from arrival where mail_id = :id and state = '%s'".formatted(PUBLISHED))
                .param("id", mailId.value()).query(String.class).optional().map(IntakeJournal::read);
    }

    /**
     * Forgets a published arrival once its original is deleted: the same content sent again later
     * is then a new mail, not a duplicate of one whose original is gone.
     */
    public void forget(MailId mailId) {
        jdbc.sql("delete from arrival where mail_id = :id and state = '%s'".formatted(PUBLISHED)).param("id", mailId.value()).update();
    }

    /** A published arrival and when Kafka confirmed it. */
    public record Published(MailReceived received, Instant at) {
    }

    /**
     * Up to {@code limit} published arrivals confirmed before {@code before} that come after
     * {@code after} ({@code null}: from the first), oldest first: retention pages through them all.
     */
    public List<Published> publishedBefore(Instant before, Published after, int limit) {
        return jdbc.sql("""
                select received::text as received, published_at from arrival
                where state = '%s' and published_at < :before
                  and (cast(:afterAt as timestamptz) is null or (published_at, mail_id) > (cast(:afterAt as timestamptz), cast(:afterId as uuid)))
                order by published_at, mail_id limit :limit""".formatted(PUBLISHED))
                .param("before", Timestamp.from(before))
                .param("afterAt", after == null ? null : Timestamp.from(after.at()))
                .param("afterId", after == null ? null : after.received().mailId().value())
                .param("limit", limit)
                .query((rs, n) -> new Published(read(rs.getString("received")), rs.getTimestamp("published_at").toInstant()))
                .list();
    }

    /**
     * Leases up to {@code limit} pending arrivals, oldest first, for {@code lease}: other instances
     * skip them meanwhile; should this instance die, they are anybody's once the lease ends.
     */
    public List<MailReceived> leasePending(int limit, Duration lease) {
        return jdbc.sql("""
                update arrival set leased_until = now() + cast(:lease as interval)
                where mail_id in (select mail_id from arrival where state = '%s' and (leased_until is null or leased_until < now())
                                  order by accepted_at limit :limit for update skip locked)
                returning received::text""".formatted(PENDING))
                .param("lease", lease.toMillis() + " milliseconds").param("limit", limit)
                .query(String.class).list().stream().map(IntakeJournal::read).toList();
    }

    /** Leases one pending arrival, if it is still pending and nobody else holds it. */
    public Optional<MailReceived> leasePending(MailId mailId, Duration lease) {
        return jdbc.sql("""
                update arrival set leased_until = now() + cast(:lease as interval)
                where mail_id = :id and state = '%s' and (leased_until is null or leased_until < now())
                returning received::text""".formatted(PENDING))
                .param("id", mailId.value()).param("lease", lease.toMillis() + " milliseconds")
                .query(String.class).optional().map(IntakeJournal::read);
    }

    private static MailReceived read(String json) {
        return MailJson.mapper().readValue(json, MailReceived.class);
    }
}
