package dk.postfordeling.routing.outcome;

import dk.postfordeling.contracts.Destination;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only writer of {@code routing_outcome}: where each mail ended and who decided it. Every
 * method joins the caller's transaction; reports and pages read the table on their own.
 */
@Repository
public class RoutingOutcomes {

    /** A mail filed automatically or by a person, and who decided. */
    public record Routed(String label, DecidedBy decidedBy) {
    }

    private final JdbcClient jdbc;

    public RoutingOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The mail was filed at {@code destination}; replaces an earlier outcome (a correction files it again). */
    public void routed(UUID mailId, String label, double confidence, Destination destination, String reference,
            DecidedBy decidedBy, String modelVersion, Instant at) {
        jdbc.sql("""
                insert into routing_outcome (mail_id, outcome, label, confidence, destination_type, destination_key,
                    destination_address, external_reference, decided_by, model_version, decided_at)
                values (:id, :outcome, :label, :confidence, :type, :key, :address, :reference, :decidedBy, :model, :at)
                on conflict (mail_id) do update set outcome = excluded.outcome, label = excluded.label,
                    destination_type = excluded.destination_type, destination_key = excluded.destination_key,
                    destination_address = excluded.destination_address, external_reference = excluded.external_reference,
                    decided_by = excluded.decided_by, decided_at = excluded.decided_at""")
                .param("id", mailId)
                .param("outcome", OutcomeKind.ROUTED.name())
                .param("label", label)
                .param("confidence", confidence)
                .param("type", destination.type().name())
                .param("key", destination.key())
                .param("address", destination.address())
                .param("reference", reference)
                .param("decidedBy", decidedBy.name())
                .param("model", modelVersion)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * The mail went to review; the model's suggestion, if it had one, is kept. A mail with an outcome
     * already keeps it (the queue is idempotent by mail id).
     */
    public void inReview(UUID mailId, String suggestedLabel, Double confidence, String modelVersion, Instant at) {
        jdbc.sql("""
                insert into routing_outcome (mail_id, outcome, label, confidence, decided_by, model_version, decided_at)
                values (:id, :outcome, :label, :confidence, :decidedBy, :model, :at)
                on conflict (mail_id) do nothing""")
                .param("id", mailId)
                .param("outcome", OutcomeKind.REVIEW.name())
                .param("label", suggestedLabel)
                .param("confidence", confidence)
                .param("decidedBy", DecidedBy.MODEL.name())
                .param("model", modelVersion)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** A person closed the mail without routing it, for {@code reason}. */
    public void closed(UUID mailId, String reason, Instant at) {
        jdbc.sql("""
                update routing_outcome set outcome = :closed, closed_reason = :reason, decided_by = :reviewer, decided_at = :at
                where mail_id = :id""")
                .param("id", mailId)
                .param("closed", OutcomeKind.CLOSED.name())
                .param("reason", reason)
                .param("reviewer", DecidedBy.REVIEWER.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** A closing was undone: the mail is in review again, as the model left it. */
    public void reopened(UUID mailId) {
        jdbc.sql("""
                update routing_outcome set outcome = :review, closed_reason = null, decided_by = :model
                where mail_id = :id and outcome = :closed""")
                .param("id", mailId)
                .param("review", OutcomeKind.REVIEW.name())
                .param("model", DecidedBy.MODEL.name())
                .param("closed", OutcomeKind.CLOSED.name())
                .update();
    }

    /** Where the mail was filed and who decided; empty while it is in review or closed. */
    public Optional<Routed> routed(UUID mailId) {
        return jdbc.sql("select label, decided_by from routing_outcome where mail_id = :id and outcome = :routed")
                .param("id", mailId)
                .param("routed", OutcomeKind.ROUTED.name())
                .query((rs, n) -> new Routed(rs.getString("label"), DecidedBy.valueOf(rs.getString("decided_by"))))
                .optional();
    }

    /** One outcome as recorded: ids, labels and destinations, never content. */
    public record Recorded(UUID mailId, OutcomeKind outcome, String label, double confidence, String destinationType,
            String destinationKey, String destinationAddress, String externalReference, DecidedBy decidedBy,
            String modelVersion, Instant decidedAt) {
    }

    /** The latest {@code limit} outcomes, newest first. */
    public List<Recorded> recent(int limit) {
        return jdbc.sql("""
                select mail_id, outcome, label, confidence, destination_type, destination_key, destination_address,
                       external_reference, decided_by, model_version, decided_at
                from routing_outcome order by decided_at desc limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Recorded(rs.getObject("mail_id", UUID.class), OutcomeKind.valueOf(rs.getString("outcome")),
                        rs.getString("label"), rs.getDouble("confidence"), rs.getString("destination_type"),
                        rs.getString("destination_key"), rs.getString("destination_address"),
                        rs.getString("external_reference"), DecidedBy.valueOf(rs.getString("decided_by")),
                        rs.getString("model_version"), rs.getTimestamp("decided_at").toInstant()))
                .list();
    }
}
