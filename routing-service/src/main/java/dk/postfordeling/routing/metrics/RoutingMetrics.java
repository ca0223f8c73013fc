package dk.postfordeling.routing.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Routing's state as metrics for ops: the review backlog and the age of its oldest item, the routing
 * backlog, dead letters, and per mailbox the observed accuracy of automatic routing (1 − corrections
 * ÷ auto-routed mail, last 7 days). Read from PostgreSQL every few seconds, so a scrape never waits
 * for the database; tags are mailbox keys (labels) only.
 */
@Component
public class RoutingMetrics {

    private static final Logger log = LoggerFactory.getLogger(RoutingMetrics.class);

    /** One reading of the database. */
    record Snapshot(long reviewBacklog, double oldestReviewSeconds, long routingBacklog, long deadLetters) {
    }

    private record MailboxAccuracy(String mailbox, long autoRouted, long corrected) {
    }

    private final JdbcClient jdbc;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(0, 0, 0, 0));
    private final MultiGauge accuracy;
    private final MultiGauge autoRouted;

    public RoutingMetrics(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("postfordeling.routing.review.backlog", snapshot, s -> s.get().reviewBacklog())
                .description("mail waiting for a person").register(meters);
        Gauge.builder("postfordeling.routing.review.oldest.age", snapshot, s -> s.get().oldestReviewSeconds())
                .baseUnit("seconds").description("age of the oldest mail waiting for a person").register(meters);
        Gauge.builder("postfordeling.routing.backlog", snapshot, s -> s.get().routingBacklog())
                .description("classified mail not yet filed or queued for review").register(meters);
        Gauge.builder("postfordeling.routing.dead.letters", snapshot, s -> s.get().deadLetters())
                .description("mail whose destination kept failing, waiting for a replay").register(meters);
        this.accuracy = MultiGauge.builder("postfordeling.routing.observed.accuracy")
                .description("share of auto-routed mail (last 7 days) that staff did not correct, per mailbox").register(meters);
        this.autoRouted = MultiGauge.builder("postfordeling.routing.auto.routed.week")
                .description("mail routed without a person in the last 7 days, per mailbox").register(meters);
        refresh();
    }

    @Scheduled(fixedDelayString = "${postfordeling.routing.metrics-interval:PT5S}")
    public void refresh() {
        try {
            snapshot.set(jdbc.sql("""
                    select (select count(*) from review_item where status <> 'DONE') as review_backlog,
                           coalesce(extract(epoch from now() - (select min(created_at) from review_item where status <> 'DONE')), 0) as oldest,
                           (select count(*) from routing_task where status = 'PENDING') as routing_backlog,
                           (select count(*) from routing_task where status = 'DEAD') as dead""")
                    .query((rs, n) -> new Snapshot(rs.getLong("review_backlog"), rs.getDouble("oldest"),
                            rs.getLong("routing_backlog"), rs.getLong("dead")))
                    .single());
            // A corrected mail was routed automatically too: its outcome now names the reviewer, its correction the mailbox.
            List<MailboxAccuracy> perMailbox = jdbc.sql("""
                    with routed as (
                        select label, count(*) as routed from routing_outcome
                        where decided_by in ('MODEL', 'RULE') and outcome = 'ROUTED' and decided_at > now() - interval '7 days'
                          and label is not null group by label),
                    corrected as (
                        select a.detail->>'from' as label, count(*) as corrected from audit_log a
                        where %1$s and a.at > now() - interval '7 days'
                        group by a.detail->>'from')
                    select coalesce(r.label, c.label) as label, coalesce(r.routed, 0) + coalesce(c.corrected, 0) as routed,
                           coalesce(c.corrected, 0) as corrected
                    from routed r full join corrected c on c.label = r.label""".formatted(
                    dk.postfordeling.routing.workbench.WorkbenchQueries.AUTOMATIC_ROUTING_CORRECTED))
                    .query((rs, n) -> new MailboxAccuracy(rs.getString("label"), rs.getLong("routed"), rs.getLong("corrected")))
                    .list();
            accuracy.register(perMailbox.stream().map(m -> MultiGauge.Row.of(Tags.of("mailbox", m.mailbox()),
                    m.autoRouted() == 0 ? 1.0 : Math.max(0, 1 - (double) m.corrected() / m.autoRouted()))).toList(), true);
            autoRouted.register(perMailbox.stream().map(m -> MultiGauge.Row.of(Tags.of("mailbox", m.mailbox()), m.autoRouted()))
                    .toList(), true);
        } catch (RuntimeException e) {
            log.warn("routing metrics not refreshed: {}", e.getClass().getSimpleName());
        }
    }
}
