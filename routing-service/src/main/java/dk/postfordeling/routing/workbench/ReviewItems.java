package dk.postfordeling.routing.workbench;

import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.routing.review.AuditLog;
import dk.postfordeling.routing.dispatch.RoutingTasks;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One review item as staff see it: what the mail says, the model's suggestions and explanation, the
 * reasons it came to a person, who holds it. Reading it is a view of personal data, so every read is
 * written to the audit log (who, which mail, when) in the same transaction.
 */
@Component
public class ReviewItems {

    /** A review item with the mail's classification (content, suggestions, explanation). */
    public record Item(UUID mailId, String status, String claimedBy, Instant createdAt,
            @com.fasterxml.jackson.annotation.JsonRawValue String reasons, MailClassified classification) {
    }

    private final JdbcClient jdbc;
    private final RoutingTasks tasks;
    private final AuditLog audit;

    public ReviewItems(JdbcClient jdbc, RoutingTasks tasks, AuditLog audit) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.audit = audit;
    }

    @Transactional
    public Optional<Item> view(UUID mailId, String viewer) {
        Optional<Item> item = jdbc.sql("select status, claimed_by, created_at, reasons::text as reasons from review_item where mail_id = :id")
                .param("id", mailId)
                .query((rs, n) -> new Item(mailId, rs.getString("status"), rs.getString("claimed_by"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("reasons"),
                        tasks.classified(mailId).orElse(null)))
                .optional();
        if (item.isPresent()) {
            audit.record(viewer, "VIEW", mailId, Map.of("what", "review item with content"));
        }
        return item;
    }
}
