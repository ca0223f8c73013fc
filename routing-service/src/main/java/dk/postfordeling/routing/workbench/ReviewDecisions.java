package dk.postfordeling.routing.workbench;

import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.RoutingCorrected;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.routing.dispatch.RoutingTasks;
import dk.postfordeling.routing.outbox.Outbox;
import dk.postfordeling.routing.outcome.RoutingOutcomes;
import dk.postfordeling.routing.review.ReviewItems;
import dk.postfordeling.routing.review.AuditLog;
import dk.postfordeling.routing.table.RoutingTable;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people decide in the workbench, each in one transaction with its audit row:
 * <ul>
 *   <li>route a review item to a label — only by the person who holds its claim;</li>
 *   <li>close a review item as not for us, or spam;</li>
 *   <li>correct a mail the model (or a rule) already routed — it is filed again where it belongs;</li>
 *   <li>undo any of these within the undo window.</li>
 * </ul>
 * Routing and correcting send the mail's task back through dispatch with the chosen label, so filing
 * is exactly once like any other; dispatch waits out the undo window. The decision also goes to the
 * feedback topic ({@code RoutingCorrected} with the mail's text) for the classifier to learn from,
 * published when the undo window has passed.
 */
@Component
public class ReviewDecisions {

    /** The result of a decision. */
    public enum Result { DONE, NOT_YOUR_CLAIM, UNKNOWN_LABEL, UNKNOWN_MAIL, NOT_ROUTED, SAME_LABEL, TOO_LATE }

    /** Why a person closed an item without routing it. */
    public enum Closing { NOT_FOR_US, SPAM }

    private final ReviewItems items;
    private final RoutingOutcomes outcomes;
    private final RoutingTasks tasks;
    private final RoutingTable table;
    private final Outbox outbox;
    private final AuditLog audit;
    private final WorkbenchProperties properties;
    private final Clock clock;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    public ReviewDecisions(ReviewItems items, RoutingOutcomes outcomes, RoutingTasks tasks, RoutingTable table, Outbox outbox, AuditLog audit,
            WorkbenchProperties properties, Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.items = items;
        this.outcomes = outcomes;
        this.tasks = tasks;
        this.table = table;
        this.outbox = outbox;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The claim holder routes a review item to {@code label}. */
    @Transactional
    public Result decide(UUID mailId, String label, String reviewer) {
        if (table.routeFor(label).isEmpty()) {
            return Result.UNKNOWN_LABEL;
        }
        Optional<MailClassified> classified = tasks.classified(mailId);
        if (classified.isEmpty()) {
            return Result.UNKNOWN_MAIL;
        }
        Instant now = clock.instant();
        if (!items.decide(mailId, reviewer, "ROUTE:" + label, now)) {
            return Result.NOT_YOUR_CLAIM;
        }
        reroute(classified.get(), label, reviewer, now);
        audit.record(reviewer, "DECIDE", mailId, Map.of("label", label, "modelLabel", classified.get().top().label()));
        meters.counter("postfordeling.routing.reviewer.decisions", "agreed",
                Boolean.toString(label.equals(classified.get().top().label()))).increment();
        return Result.DONE;
    }

    /** The claim holder closes a review item: it is not for this municipality, or it is spam. */
    @Transactional
    public Result close(UUID mailId, Closing closing, String reviewer) {
        Instant now = clock.instant();
        if (!items.decide(mailId, reviewer, closing.name(), now)) {
            return tasks.classified(mailId).isEmpty() ? Result.UNKNOWN_MAIL : Result.NOT_YOUR_CLAIM;
        }
        outcomes.closed(mailId, closing.name(), now);
        audit.record(reviewer, "CLOSE", mailId, Map.of("reason", closing.name()));
        return Result.DONE;
    }

    /** A reviewer corrects a mail that was routed without a person: it is filed again under {@code label}. */
    @Transactional
    public Result correct(UUID mailId, String label, String reviewer) {
        if (table.routeFor(label).isEmpty()) {
            return Result.UNKNOWN_LABEL;
        }
        Optional<MailClassified> classified = tasks.classified(mailId);
        if (classified.isEmpty()) {
            return Result.UNKNOWN_MAIL;
        }
        // Only mail whose filing is finished: a decision still inside its undo window is undone, not corrected.
        Optional<RoutingOutcomes.Routed> routed = tasks.isDone(mailId) ? outcomes.routed(mailId) : Optional.empty();
        if (routed.isEmpty()) {
            return Result.NOT_ROUTED;
        }
        if (routed.get().label().equals(label)) {
            return Result.SAME_LABEL;
        }
        reroute(classified.get(), label, reviewer, clock.instant());
        // routedBy: who had routed it (MODEL, RULE, REVIEWER), so observed accuracy counts only automatic routing.
        audit.record(reviewer, "CORRECT", mailId, Map.of("from", routed.get().label(), "label", label,
                "modelLabel", classified.get().top().label(), "routedBy", routed.get().decidedBy().name()));
        meters.counter("postfordeling.routing.corrections", "mailbox", routed.get().label()).increment();
        return Result.DONE;
    }

    /**
     * Takes back the person's own last decision on the mail while its undo window lasts: a routed or
     * corrected mail is not filed and nothing is learnt; a review item returns to the person's hands.
     */
    @Transactional
    public Result undo(UUID mailId, String reviewer) {
        Instant since = clock.instant().minus(properties.undoWindow());
        Optional<String> closed = items.decisionSince(mailId, reviewer, since);
        boolean rerouted = tasks.undoDecision(mailId, reviewer);
        if (closed.isPresent() && (rerouted || !closed.get().startsWith("ROUTE:"))) {
            items.reopen(mailId, reviewer);
            outcomes.reopened(mailId);
        } else if (!rerouted) {
            return Result.TOO_LATE;
        }
        outbox.withdraw(Topics.MAIL_FEEDBACK, mailId.toString());
        audit.record(reviewer, "UNDO", mailId, Map.of("decision", closed.orElse("CORRECT")));
        return Result.DONE;
    }

    private void reroute(MailClassified mail, String label, String reviewer, Instant now) {
        Instant due = now.plus(properties.undoWindow());
        tasks.decideByReviewer(mail.mailId().value(), label, reviewer, due);
        String text = mail.content() == null ? null : mail.content().text();
        outbox.appendAt(Topics.MAIL_FEEDBACK, mail.mailId().toString(),
                new RoutingCorrected(mail.mailId(), mail.top().label(), label, reviewer, now, text), due);
    }
}
