package dk.postfordeling.routing.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dk.postfordeling.routing.workbench.WorkbenchQueries;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Routing's state as metrics for ops: the review backlog and the age of its oldest item, the routing
 * backlog, dead letters, and per mailbox the observed accuracy of automatic routing (1 − corrections
 * ÷ auto-routed mail, last 7 days) — the same figures as the workbench's ops page. Read from
 * PostgreSQL every few seconds, so a scrape never waits for the database; tags are mailbox keys
 * (labels) only.
 */
@Component
public class RoutingMetrics implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RoutingMetrics.class);

    private final WorkbenchQueries queries;
    private final AtomicReference<WorkbenchQueries.Backlog> snapshot = new AtomicReference<>(WorkbenchQueries.Backlog.EMPTY);
    private final MultiGauge accuracy;
    private final MultiGauge autoRouted;

    private final java.time.Duration interval;

    public RoutingMetrics(WorkbenchQueries queries, MeterRegistry meters, RoutingMetricsProperties properties) {
        this.queries = queries;
        this.interval = properties.metricsInterval();
        Gauge.builder("postfordeling.routing.review.backlog", snapshot, s -> s.get().items())
                .description("mail waiting for a person").register(meters);
        Gauge.builder("postfordeling.routing.review.oldest.age", snapshot, s -> s.get().oldestAge().toMillis() / 1000.0)
                .baseUnit("seconds").description("age of the oldest mail waiting for a person").register(meters);
        Gauge.builder("postfordeling.routing.backlog", snapshot, s -> s.get().routing())
                .description("classified mail not yet filed or queued for review").register(meters);
        Gauge.builder("postfordeling.routing.dead.letters", snapshot, s -> s.get().deadLetters())
                .description("mail whose destination kept failing, waiting for a replay").register(meters);
        Gauge.builder("postfordeling.pipeline.dead.letters.open", snapshot, s -> s.get().pipelineDeadLetters())
                .description("records a stage of the pipeline could not process (any topic's dead letters), not replayed")
                .register(meters);
        this.accuracy = MultiGauge.builder("postfordeling.routing.observed.accuracy")
                .description("share of auto-routed mail (last 7 days) that staff did not correct, per mailbox").register(meters);
        this.autoRouted = MultiGauge.builder("postfordeling.routing.auto.routed.week")
                .description("mail routed without a person in the last 7 days, per mailbox").register(meters);
        refresh();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::refresh, interval);
    }

    public void refresh() {
        try {
            snapshot.set(queries.backlog());
            // Mailboxes that only staff routed to have no automatic routing to measure.
            List<WorkbenchQueries.MailboxWeek> perMailbox = queries.mailboxes().stream().filter(m -> m.autoRouted() > 0).toList();
            accuracy.register(perMailbox.stream().map(m -> MultiGauge.Row.of(Tags.of("mailbox", m.mailbox()),
                    m.observedAccuracy())).toList(), true);
            autoRouted.register(perMailbox.stream().map(m -> MultiGauge.Row.of(Tags.of("mailbox", m.mailbox()), m.autoRouted()))
                    .toList(), true);
        } catch (RuntimeException e) {
            log.warn("routing metrics not refreshed: {}", e.getClass().getSimpleName());
        }
    }
}
