package dk.postfordeling.routing.dispatch;

import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.Destination;
import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailRouted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.logging.MailLogContext;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.routing.destination.Checkpoints;
import dk.postfordeling.routing.destination.DeliveryRecords;
import dk.postfordeling.routing.destination.DestinationAdapter;
import dk.postfordeling.routing.destination.FilingException;
import dk.postfordeling.routing.destination.ResilientFiling;
import dk.postfordeling.routing.pause.RoutingPauses;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import dk.postfordeling.routing.outbox.Outbox;
import dk.postfordeling.routing.outcome.DecidedBy;
import dk.postfordeling.routing.outcome.OutcomeKind;
import dk.postfordeling.routing.outcome.RoutingOutcomes;
import dk.postfordeling.routing.policy.RoutingPolicy;
import dk.postfordeling.routing.review.ReviewQueue;
import dk.postfordeling.routing.table.ReviewRules;
import dk.postfordeling.routing.table.Route;
import dk.postfordeling.routing.table.RoutingProperties;
import dk.postfordeling.routing.table.RoutingTable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off the task table: each task is handled in one transaction that holds its row lock, so
 * a crash leaves it pending and another worker or instance never takes it at the same time. A mail
 * ends delivered or in the review queue; a delivery that keeps failing goes to review, never nowhere.
 *
 * <p>{@code dispatch-workers} workers file side by side: filing mostly waits on the destination's
 * answers (SMTP dialogue, ESDH requests) and on the database, so one worker alone leaves the machine
 * idle while mail queues. Each worker takes the task due longest that nobody else holds ({@code SKIP LOCKED}).
 */
@Component
public class RoutingDispatcher {

    private static final Logger log = LoggerFactory.getLogger(RoutingDispatcher.class);

    /** The header naming the destination on a delivery routing gave up on (its dead-letter record). */
    public static final String DESTINATION_HEADER = "postfordeling-destination";

    private final RoutingTasks tasks;
    private final RoutingTable table;
    private final RoutingPolicy policy;
    private final Map<DestinationType, DestinationAdapter> adapters;
    private final DeliveryRecords deliveries;
    private final ResilientFiling filing;
    private final RoutingPauses pauses;
    private final BlobStore blobStore;
    private final ReviewQueue review;
    private final Outbox outbox;
    private final RoutingOutcomes outcomes;
    private final TransactionTemplate transactions;
    private final RoutingProperties properties;
    private final Clock clock;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final ScheduledExecutorService workers;
    private volatile boolean stopping;

    RoutingDispatcher(RoutingTasks tasks, RoutingTable table, ReviewRules reviewRules, RoutingPauses pauses,
            List<DestinationAdapter> adapters, DeliveryRecords deliveries,
            ResilientFiling filing, BlobStore blobStore, ReviewQueue review,
            Outbox outbox, RoutingOutcomes outcomes, TransactionTemplate transactions, RoutingProperties properties, Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.tasks = tasks;
        this.pauses = pauses;
        this.table = table;
        this.policy = new RoutingPolicy(table, reviewRules, properties.trustMemoKle());
        this.adapters = new EnumMap<>(DestinationType.class);
        adapters.forEach(adapter -> this.adapters.put(adapter.type(), adapter));
        this.deliveries = deliveries;
        this.filing = filing;
        this.blobStore = blobStore;
        this.review = review;
        this.outbox = outbox;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.workers = Executors.newScheduledThreadPool(properties.dispatchWorkers(), new CustomizableThreadFactory("routing-worker-"));
    }

    /**
     * Starts the workers. Each works independently: it files due tasks until none is left, then looks
     * again after the poll interval, so a worker that found nothing never waits for a busy one.
     */
    @EventListener(ApplicationReadyEvent.class)
    void startWorkers() {
        long interval = properties.pollInterval().toMillis();
        for (int i = 0; i < properties.dispatchWorkers(); i++) {
            workers.scheduleWithFixedDelay(this::drain, 0, interval, TimeUnit.MILLISECONDS);
        }
    }

    private void drain() {
        try {
            while (!stopping && Boolean.TRUE.equals(transactions.execute(status -> dispatchOne()))) {
                // keep going while work is due
            }
        } catch (RuntimeException e) {
            log.warn("routing paused: {}", e.getClass().getSimpleName());
        }
    }

    /** Lets the workers finish the mail they are filing (each in its own transaction) and stops them. */
    @PreDestroy
    void stopWorkers() throws InterruptedException {
        stopping = true;
        workers.shutdown();
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            workers.shutdownNow();
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
            RoutingPolicy.Outcome outcome = policy.decide(mail, task.overrideLabel(), pauses.current());
            if (outcome instanceof RoutingPolicy.Deliver deliver) {
                deliver(task, mail, deliver.destination(), deliver.label(), deliver.decidedBy());
            } else if (outcome instanceof RoutingPolicy.ToReview review) {
                toReview(mail, review.reasons());
            } else if (outcome instanceof RoutingPolicy.NotFiled notFiled) {
                tasks.markDone(mail.mailId().value());
                log.warn("reviewer chose label {} without a destination; nothing filed", notFiled.label());
            }
        }
    }

    private void deliver(RoutingTask task, MailClassified mail, Route.ToDestination route, String label, DecidedBy decidedBy) {
        DestinationAdapter adapter = adapters.get(route.type());
        if (adapter == null) {
            toReview(mail, List.of(new DecisionReason("DESTINATION_NOT_CONFIGURED",
                    "Forbindelsen til " + route.type() + " er ikke sat op; posten skal fordeles manuelt.")));
            return;
        }
        DeliveryRecords.Delivery delivery = deliveries.open(mail.mailId().value(), route);
        String reference;
        if (delivery.confirmedReference().isPresent()) {
            reference = delivery.confirmedReference().get();
        } else {
            byte[] original;
            try (InputStream in = blobStore.open(mail.originalRef())) {
                original = in.readAllBytes();
            } catch (IOException | IllegalArgumentException e) {
                // Gone, or a reference that is no stored original: a person finds the mail, instead of a retry for ever.
                toReview(mail, List.of(new DecisionReason("ORIGINAL_MISSING",
                        "Den gemte original kunne ikke findes; posten skal findes frem manuelt.")));
                return;
            }
            Checkpoints checkpoints = delivery.checkpoints();
            io.micrometer.core.instrument.Timer.Sample call = io.micrometer.core.instrument.Timer.start(meters);
            String result = "filed";
            try {
                reference = filing.call(route.type(), () -> adapter.file(mail, route, original, checkpoints));
            } catch (FilingException.Rejected e) {
                result = "rejected";
                log.warn("{} refused the mail: {}", route.type(), e.getMessage());
                toReview(mail, List.of(new DecisionReason("DESTINATION_REJECTED",
                        "Modtageren (" + route.key() + ") afviste posten: " + e.getMessage() + ". En medarbejder skal fordele den.")));
                return;
            } catch (CallNotPermittedException | BulkheadFullException e) {
                result = "not-permitted";
                // The destination is known to be down (or busy): the mail waits, durably, without using up attempts.
                Instant next = clock.instant().plus(filing.openWait(route.type()));
                tasks.waitFor(mail.mailId().value(), next, filing.instanceName(route.type()));
                log.info("{} unavailable ({}); mail waits until {}", route.type(), e.getClass().getSimpleName(), next);
                return;
            } catch (FilingException.Unavailable e) {
                result = "unavailable";
                failed(task, mail, route, e);
                return;
            } finally {
                // Latency and result of filing in a destination (with Resilience4j's retries), by kind of destination.
                call.stop(meters.timer("postfordeling.routing.filing", "type", route.type().name(), "result", result));
            }
        }
        Instant now = clock.instant();
        deliveries.confirm(mail.mailId().value(), route, reference);
        Destination destination = new Destination(route.type(), route.key(),
                route.target());
        outcomes.routed(mail.mailId().value(), label, mail.top().probability(), destination, reference, decidedBy,
                mail.modelVersion(), now);
        outbox.append(Topics.MAIL_ROUTED, mail.mailId().toString(),
                new MailRouted(mail.mailId(), label, destination, reference, decidedBy.name(), now));
        outcome(OutcomeKind.ROUTED, decidedBy, route.key());
        tasks.markDone(mail.mailId().value());
        log.info("mail filed in {} {}", route.type(), route.key());
    }

    /** Where mail ends, by who decided and the mailbox key (a label from the routing table, never content). */
    private void outcome(OutcomeKind outcome, DecidedBy decidedBy, String mailbox) {
        meters.counter("postfordeling.routing.outcomes", "outcome", outcome.name(), "decided_by", decidedBy.name(),
                "mailbox", table.routeFor(mailbox).isPresent() ? mailbox : "other").increment();
    }

    /**
     * A transient failure that outlasted the in-process retries: try again later, or after
     * {@code max-attempts} dead-letter it — to the dead-letter topic with its cause, kept in the task
     * table for ops to replay once the destination works.
     */
    private void failed(RoutingTask task, MailClassified mail, Route.ToDestination route, FilingException.Unavailable e) {
        int attempts = task.attempts() + 1;
        if (attempts >= properties.maxAttempts()) {
            tasks.markDead(mail.mailId().value(), route.key(), e.getMessage());
            outbox.appendDeadLetter(Topics.MAIL_CLASSIFIED, mail.mailId().toString(), mail, Map.of(
                    "postfordeling-cause", e.getMessage(),
                    DESTINATION_HEADER, route.key(),
                    "postfordeling-destination-type", route.type().name(),
                    "postfordeling-attempts", Integer.toString(attempts)));
            log.warn("filing in {} failed {} times; dead-lettered for replay", route.type(), attempts);
        } else {
            Instant next = clock.instant().plus(properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 10)));
            tasks.scheduleRetry(mail.mailId().value(), next, e.getMessage());
            log.warn("filing in {} failed (attempt {}); retry at {}", route.type(), attempts, next);
        }
    }

    private void toReview(MailClassified mail, List<DecisionReason> reasons) {
        review.enqueue(mail, reasons);
        outcome(OutcomeKind.REVIEW, DecidedBy.MODEL, mail.top().label());
        tasks.markDone(mail.mailId().value());
        log.info("mail sent to review reasons={}", reasons.stream().map(DecisionReason::code).toList());
    }
}
