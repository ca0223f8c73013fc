package dk.postfordeling.routing.workbench;

import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.routing.dispatch.RoutingTasks;
import dk.postfordeling.routing.review.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * One mail as staff see it — content, the model's suggestions and explanation, the review item,
 * where it went and who decided — and the same as a transparency record for a citizen's access
 * request (aktindsigt). Opening either is a view of personal data: every open is audited.
 */
@Component
public class MailViews {

    /** The review item of a mail, if it went to a person. */
    public record ReviewState(String status, String claimedBy, Instant createdAt, List<DecisionReason> reasons,
            String decision, String decidedBy, Instant decidedAt) {
    }

    /** Where the mail ended. */
    public record Outcome(String outcome, String label, double confidence, String destinationType, String destination,
            String externalReference, String decidedBy, String modelVersion, Instant decidedAt, String closedReason) {
    }

    /** A person's (or the system's) step in the mail's history, from the audit log. */
    public record Step(Instant at, String actor, String action, Map<String, String> detail) {
    }

    /** Everything the mail page and the transparency page show. */
    public record MailView(UUID mailId, MailClassified classified, Optional<ReviewState> review, Optional<Outcome> outcome,
            boolean pending, List<Step> history) {
    }

    private static final List<String> DECISION_ACTIONS = List.of("DECIDE", "CORRECT", "CLOSE", "UNDO", "CLAIM", "RELEASE", "ERASE");

    private final JdbcClient jdbc;
    private final RoutingTasks tasks;
    private final AuditLog audit;

    public MailViews(JdbcClient jdbc, RoutingTasks tasks, AuditLog audit) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.audit = audit;
    }

    /** The mail, audited as a view by {@code viewer} ({@code what} says which page). */
    @Transactional
    public Optional<MailView> view(UUID mailId, String viewer, String what) {
        Optional<MailClassified> classified = tasks.classified(mailId);
        if (classified.isEmpty()) {
            return Optional.empty();
        }
        audit.record(viewer, "VIEW", mailId, Map.of("what", what));
        Optional<ReviewState> review = jdbc.sql("""
                select status, claimed_by, created_at, reasons::text as reasons, decision, decided_by, decided_at
                from review_item where mail_id = :id""")
                .param("id", mailId)
                .query((rs, n) -> new ReviewState(rs.getString("status"), rs.getString("claimed_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        MailJson.mapper().readValue(rs.getString("reasons"), new TypeReference<List<DecisionReason>>() { }),
                        rs.getString("decision"), rs.getString("decided_by"),
                        rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant()))
                .optional();
        Optional<Outcome> outcome = jdbc.sql("""
                select outcome, label, confidence, destination_type, coalesce(destination_address, destination_key) as destination,
                       external_reference, decided_by, model_version, decided_at, closed_reason
                from routing_outcome where mail_id = :id""")
                .param("id", mailId)
                .query((rs, n) -> new Outcome(rs.getString("outcome"), rs.getString("label"), rs.getDouble("confidence"),
                        rs.getString("destination_type"), rs.getString("destination"), rs.getString("external_reference"),
                        rs.getString("decided_by"), rs.getString("model_version"), rs.getTimestamp("decided_at").toInstant(),
                        rs.getString("closed_reason")))
                .optional();
        boolean pending = jdbc.sql("select status = 'PENDING' from routing_task where mail_id = :id")
                .param("id", mailId).query(Boolean.class).single();
        List<Step> history = jdbc.sql("""
                select at, actor, action, detail::text as detail from audit_log
                where mail_id = :id and action in (:actions) order by at, id""")
                .param("id", mailId).param("actions", DECISION_ACTIONS)
                .query((rs, n) -> new Step(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
                        AuditLog.detail(rs.getString("detail"))))
                .list();
        return Optional.of(new MailView(mailId, classified.get(), review, outcome, pending, history));
    }

    /** The model's first suggestion for the mail (a label, not content: not audited as a view). */
    public Optional<String> topLabel(UUID mailId) {
        return tasks.classified(mailId).map(mail -> mail.top().label());
    }

    /** The stored original's reference, to show it (or a part of it) to {@code viewer}; audited as a view. */
    @Transactional
    public Optional<String> originalRef(UUID mailId, String viewer, String what) {
        Optional<String> ref = tasks.classified(mailId).map(MailClassified::originalRef);
        ref.ifPresent(found -> audit.record(viewer, "VIEW", mailId, Map.of("what", what)));
        return ref;
    }
}
