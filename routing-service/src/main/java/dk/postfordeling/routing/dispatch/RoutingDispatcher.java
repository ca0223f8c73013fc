package dk.postfordeling.routing.dispatch;

import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.Destination;
import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailRouted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.logging.MailLogContext;
import dk.postfordeling.routing.destination.mailbox.MailboxForwarder;
import dk.postfordeling.routing.destination.mailbox.OriginalMissingException;
import dk.postfordeling.routing.outbox.Outbox;
import dk.postfordeling.routing.review.ReviewQueue;
import dk.postfordeling.routing.table.Route;
import dk.postfordeling.routing.table.RoutingProperties;
import dk.postfordeling.routing.table.RoutingTable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off the task table: each task is handled in one transaction that holds its row lock, so
 * a crash leaves it pending and another instance never takes it at the same time. A mail ends
 * delivered or in the review queue; a delivery that keeps failing goes to review, never nowhere.
 */
@Component
public class RoutingDispatcher {

    private static final Logger log = LoggerFactory.getLogger(RoutingDispatcher.class);

    private final RoutingTasks tasks;
    private final RoutingTable table;
    private final MailboxForwarder mailboxes;
    private final ReviewQueue review;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RoutingProperties properties;
    private final Clock clock;

    RoutingDispatcher(RoutingTasks tasks, RoutingTable table, MailboxForwarder mailboxes, ReviewQueue review,
            Outbox outbox, JdbcClient jdbc, TransactionTemplate transactions, RoutingProperties properties, Clock clock) {
        this.tasks = tasks;
        this.table = table;
        this.mailboxes = mailboxes;
        this.review = review;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${postfordeling.routing.poll-interval:250ms}")
    void dispatchDue() {
        try {
            while (Boolean.TRUE.equals(transactions.execute(status -> dispatchOne()))) {
                // keep going while work is due
            }
        } catch (RuntimeException e) {
            log.warn("routing paused: {}", e.getClass().getSimpleName());
        }
    }

    private boolean dispatchOne() {
        Optional<RoutingTask> next = tasks.lockNextDue();
        next.ifPresent(this::handle);
        return next.isPresent();
    }

    private void handle(RoutingTask task) {
        MailClassified mail = task.classified();
        try (MailLogContext ignored = MailLogContext.open(mail.mailId())) {
            if (mail.decision() == Decision.REVIEW) {
                toReview(mail, mail.reasons());
                return;
            }
            Optional<Route> route = table.routeFor(mail.top().label());
            if (route.isEmpty()) {
                toReview(mail, List.of(new DecisionReason("NO_DESTINATION",
                        "Rutetabellen har ingen modtager for " + mail.top().label() + ".")));
            } else if (route.get() instanceof Route.ToReview) {
                toReview(mail, List.of(new DecisionReason("RULE_ALWAYS_REVIEW",
                        "Post om " + mail.top().label() + " skal altid ses af en medarbejder.")));
            } else if (route.get() instanceof Route.ToMailbox mailbox) {
                deliver(task, mail, mailbox);
            }
        }
    }

    private void deliver(RoutingTask task, MailClassified mail, Route.ToMailbox mailbox) {
        String reference;
        try {
            reference = mailboxes.forward(mail, mailbox);
        } catch (OriginalMissingException e) {
            toReview(mail, List.of(new DecisionReason("ORIGINAL_MISSING",
                    "Den gemte original kunne ikke findes; posten skal findes frem manuelt.")));
            return;
        } catch (MailException e) {
            int attempts = task.attempts() + 1;
            if (attempts >= properties.maxAttempts()) {
                log.warn("delivery to mailbox {} failed {} times; sent to review", mailbox.key(), attempts);
                toReview(mail, List.of(new DecisionReason("DELIVERY_FAILED",
                        "Posten kunne ikke leveres til " + mailbox.key() + " efter " + attempts + " forsøg.")));
            } else {
                Instant next = clock.instant().plus(properties.retryBackoff().multipliedBy(1L << (attempts - 1)));
                tasks.scheduleRetry(mail.mailId().value(), next, e.getClass().getSimpleName());
                log.warn("delivery to mailbox {} failed (attempt {}); retry at {}", mailbox.key(), attempts, next);
            }
            return;
        }
        Instant now = clock.instant();
        Destination destination = new Destination(DestinationType.FUNCTION_MAILBOX, mailbox.key(), mailbox.address());
        jdbc.sql("""
                insert into routing_outcome (mail_id, outcome, label, confidence, destination_type, destination_key,
                    destination_address, external_reference, decided_by, model_version, decided_at)
                values (:id, 'ROUTED', :label, :confidence, :type, :key, :address, :reference, 'MODEL', :model, :at)""")
                .param("id", mail.mailId().value())
                .param("label", mail.top().label())
                .param("confidence", mail.top().probability())
                .param("type", destination.type().name())
                .param("key", destination.key())
                .param("address", destination.address())
                .param("reference", reference)
                .param("model", mail.modelVersion())
                .param("at", Timestamp.from(now))
                .update();
        outbox.append(Topics.MAIL_ROUTED, mail.mailId().toString(),
                new MailRouted(mail.mailId(), mail.top().label(), destination, reference, "MODEL", now));
        tasks.markDone(mail.mailId().value());
        log.info("mail routed to function mailbox {}", mailbox.key());
    }

    private void toReview(MailClassified mail, List<DecisionReason> reasons) {
        review.enqueue(mail, reasons);
        tasks.markDone(mail.mailId().value());
        log.info("mail sent to review reasons={}", reasons.stream().map(DecisionReason::code).toList());
    }
}
