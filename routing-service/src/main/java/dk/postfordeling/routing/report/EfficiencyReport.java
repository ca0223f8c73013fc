package dk.postfordeling.routing.report;

import dk.postfordeling.routing.outcome.DecidedBy;
import dk.postfordeling.routing.outcome.OutcomeKind;
import dk.postfordeling.routing.workbench.WorkbenchProperties;
import dk.postfordeling.routing.workbench.WorkbenchQueries;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The efficiency report, computed from the timestamps routing records as it works: when intake
 * accepted a mail ({@code routing_task.received_at}), when it was filed or closed and by whom
 * ({@code routing_outcome}), when a person claimed and decided it ({@code review_item}), and the
 * corrections in the audit log. Nothing is estimated except the staff hours, from one stated
 * assumption. Reads only.
 */
@Component
public class EfficiencyReport {

    /** The mail of the period: arrived (at intake, else at routing) within it, with its outcome. */
    private static final String MAIL = """
            with mail as (
                select t.mail_id, coalesce(t.channel, 'UNKNOWN') as channel, coalesce(t.received_at, t.created_at) as arrived,
                       t.received_at is null as arrival_unknown, o.outcome, o.decided_by, o.decided_at
                from routing_task t left join routing_outcome o on o.mail_id = t.mail_id
                where coalesce(t.received_at, t.created_at) >= :from and coalesce(t.received_at, t.created_at) < :to)
            """;

    private final JdbcClient jdbc;
    private final WorkbenchProperties properties;

    public EfficiencyReport(JdbcClient jdbc, WorkbenchProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public Efficiency of(ReportPeriod period) {
        Map<String, Long> byChannel = new TreeMap<>();
        mail(MAIL + "select channel, count(*) as n from mail group by channel", period)
                .query((ResultSet rs) -> {
                    byChannel.put(rs.getString("channel"), rs.getLong("n"));
                });
        long[] ends = mail(MAIL + """
                select count(*) filter (where outcome = :routed and decided_by = :model) as model,
                       count(*) filter (where outcome = :routed and decided_by = :rule) as rules,
                       count(*) filter (where (outcome = :routed and decided_by = :reviewer) or outcome = :closed) as people,
                       count(*) filter (where outcome is null or outcome = :review) as waiting,
                       count(*) filter (where arrival_unknown) as arrival_unknown
                from mail""", period)
                .query((rs, n) -> new long[] {rs.getLong("model"), rs.getLong("rules"), rs.getLong("people"), rs.getLong("waiting"),
                        rs.getLong("arrival_unknown")})
                .single();
        long corrected = mail(MAIL + "select count(distinct a.mail_id) from audit_log a join mail m on m.mail_id = a.mail_id where "
                + WorkbenchQueries.AUTOMATIC_ROUTING_CORRECTED, period).query(Long.class).single();
        Efficiency.Timing automatic = timing(MAIL + """
                select count(*) as n, %s from mail where outcome = :routed and decided_by in (:model, :rule)"""
                .formatted(percentiles("decided_at - arrived")), period);
        Efficiency.Timing person = timing(MAIL + """
                select count(*) as n, %s from mail where outcome = :routed and decided_by = :reviewer"""
                .formatted(percentiles("decided_at - arrived")), period);
        Efficiency.Timing handling = timing(MAIL + """
                select count(*) as n, %s from review_item r join mail m on m.mail_id = r.mail_id
                where r.claimed_at is not null and r.decided_at is not null"""
                .formatted(percentiles("r.decided_at - r.claimed_at")), period);
        return new Efficiency(period, byChannel, ends[0], ends[1], ends[2], ends[3], corrected, automatic, person, handling,
                ends[4], properties.minutesPerManualRouting());
    }

    private JdbcClient.StatementSpec mail(String sql, ReportPeriod period) {
        return jdbc.sql(sql)
                .param("from", Timestamp.from(period.from())).param("to", Timestamp.from(period.to()))
                .param("routed", OutcomeKind.ROUTED.name()).param("review", OutcomeKind.REVIEW.name())
                .param("closed", OutcomeKind.CLOSED.name())
                .param("model", DecidedBy.MODEL.name()).param("rule", DecidedBy.RULE.name())
                .param("reviewer", DecidedBy.REVIEWER.name());
    }

    private static String percentiles(String interval) {
        return """
                percentile_cont(0.5) within group (order by extract(epoch from %1$s)) as median,
                percentile_cont(0.95) within group (order by extract(epoch from %1$s)) as p95""".formatted(interval);
    }

    private Efficiency.Timing timing(String sql, ReportPeriod period) {
        return mail(sql, period).query((rs, n) -> rs.getLong("n") == 0 ? Efficiency.Timing.NONE
                : new Efficiency.Timing(rs.getLong("n"), seconds(rs, "median"), seconds(rs, "p95"))).single();
    }

    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        return Duration.ofMillis(Math.round(rs.getDouble(column) * 1000));
    }
}
