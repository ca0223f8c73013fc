package dk.postfordeling.routing.workbench;

import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.routing.review.AuditLog;
import dk.postfordeling.contracts.RoutingCorrected;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.routing.dispatch.RoutingTasks;
import dk.postfordeling.routing.outbox.Outbox;
import dk.postfordeling.routing.table.RoutingTable;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reviewer decides where a mail in the review queue goes. In one transaction: the item is closed
 * (only by the person who holds its claim), the mail's task goes back through dispatch with the
 * chosen label — so filing is exactly once like any other — the decision is audited, and a
 * {@code RoutingCorrected} with the mail's text goes to the feedback topic for the classifier to
 * learn from.
 */
@Component
public class ReviewDecisions {

    /** The result of a decision. */
    public enum Result { ROUTED, NOT_YOUR_CLAIM, UNKNOWN_LABEL, UNKNOWN_MAIL }

    private final JdbcClient jdbc;
    private final RoutingTasks tasks;
    private final RoutingTable table;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public ReviewDecisions(JdbcClient jdbc, RoutingTasks tasks, RoutingTable table, Outbox outbox, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tasks = tasks;
        this.table = table;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Result decide(UUID mailId, String label, String reviewer) {
        if (table.routeFor(label).isEmpty()) {
            return Result.UNKNOWN_LABEL;
        }
        Optional<MailClassified> classified = tasks.classified(mailId);
        if (classified.isEmpty()) {
            return Result.UNKNOWN_MAIL;
        }
        int closed = jdbc.sql("""
                update review_item set status = 'DONE' where mail_id = :id and status = 'CLAIMED' and claimed_by = :reviewer""")
                .param("id", mailId).param("reviewer", reviewer).update();
        if (closed == 0) {
            return Result.NOT_YOUR_CLAIM;
        }
        MailClassified mail = classified.get();
        Instant now = clock.instant();
        tasks.decideByReviewer(mailId, label, reviewer);
        String text = mail.content() == null ? null : mail.content().text();
        outbox.append(Topics.MAIL_FEEDBACK, mailId.toString(),
                new RoutingCorrected(mail.mailId(), mail.top().label(), label, reviewer, now, text));
        audit.record(reviewer, "DECIDE", mailId, Map.of("label", label, "modelLabel", mail.top().label()));
        return Result.ROUTED;
    }
}
