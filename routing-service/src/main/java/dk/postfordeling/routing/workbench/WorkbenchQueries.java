package dk.postfordeling.routing.workbench;

import dk.postfordeling.routing.deadletter.PipelineDeadLetters;

import tools.jackson.core.type.TypeReference;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.MailJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the workbench lists: the review queue (oldest first, with filters) and recently auto-routed
 * mail for corrections. Lists hold labels, channels and reasons — never the mail's content, so
 * listing is not a view of personal data; opening a mail is (see {@link MailViews}).
 */
@Component
public class WorkbenchQueries {

    /** Filters of the review queue; {@code null} or blank means any. */
    public record QueueFilter(String suggested, String channel, String language) {
    }

    /** One line of the review queue. */
    public record QueueRow(UUID mailId, Instant createdAt, Duration age, String channel, String language,
            List<LabelScore> suggestions, List<DecisionReason> reasons, String status, String claimedBy) {

        public LabelScore top() {
            return suggestions.isEmpty() ? null : suggestions.get(0);
        }
    }

    /** One recently routed mail. */
    public record RoutedRow(UUID mailId, Instant decidedAt, String label, double confidence, String decidedBy,
            String destinationType, String destination, String channel) {
    }

    /** The values the queue's filters can take now. */
    public record FilterChoices(List<String> suggested, List<String> channels, List<String> languages) {
    }

    private static final int LIMIT = 500;

    /**
     * SQL condition on {@code audit_log a}: a correction of mail that had been routed automatically, and
     * not undone (no UNDO of the same mail after it, before a newer correction).
     */
    public static final String AUTOMATIC_ROUTING_CORRECTED = """
            a.action = 'CORRECT' and a.detail->>'routedBy' in ('MODEL', 'RULE')
            and not exists (select 1 from audit_log u where u.mail_id = a.mail_id and u.action = 'UNDO' and u.id > a.id
                and not exists (select 1 from audit_log c where c.mail_id = a.mail_id and c.action = 'CORRECT'
                    and c.id > a.id and c.id < u.id))""";

    private final JdbcClient jdbc;
    private final WorkbenchProperties properties;
    private final Clock clock;

    public WorkbenchQueries(JdbcClient jdbc, WorkbenchProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public List<QueueRow> queue(QueueFilter filter) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select r.mail_id, r.created_at, r.channel, r.suggestions::text as suggestions, r.reasons::text as reasons,
                       r.status, r.claimed_by, t.language
                from review_item r join routing_task t on t.mail_id = r.mail_id
                where r.status <> 'DONE'
                  and (cast(:suggested as text) is null or r.suggestions->0->>'label' = :suggested)
                  and (cast(:channel as text) is null or r.channel = :channel)
                  and (cast(:language as text) is null or coalesce(t.language, 'und') = :language)
                order by r.created_at, r.mail_id limit :limit""")
                .param("suggested", blankToNull(filter.suggested()))
                .param("channel", blankToNull(filter.channel()))
                .param("language", blankToNull(filter.language()))
                .param("limit", LIMIT)
                .query((rs, n) -> queueRow(rs, now))
                .list();
    }

    public FilterChoices filterChoices() {
        List<String> suggested = jdbc.sql("""
                select distinct suggestions->0->>'label' from review_item where status <> 'DONE' and jsonb_array_length(suggestions) > 0 order by 1""")
                .query(String.class).list();
        List<String> channels = jdbc.sql("select distinct channel from review_item where status <> 'DONE' order by 1")
                .query(String.class).list();
        List<String> languages = jdbc.sql("""
                select distinct coalesce(t.language, 'und') from review_item r
                join routing_task t on t.mail_id = r.mail_id where r.status <> 'DONE' order by 1""")
                .query(String.class).list();
        return new FilterChoices(suggested, channels, languages);
    }

    /** Mail routed without a person within the last {@code recent-days}, newest first. */
    public List<RoutedRow> recentlyAutoRouted() {
        return jdbc.sql("""
                select o.mail_id, o.decided_at, o.label, o.confidence, o.decided_by, o.destination_type,
                       coalesce(o.destination_address, o.destination_key) as destination, t.channel
                from routing_outcome o join routing_task t on t.mail_id = o.mail_id
                where o.outcome = 'ROUTED' and o.decided_by in ('MODEL', 'RULE') and o.decided_at > :since
                order by o.decided_at desc limit :limit""")
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(properties.recentDays()))))
                .param("limit", LIMIT)
                .query((rs, n) -> new RoutedRow(rs.getObject("mail_id", UUID.class), rs.getTimestamp("decided_at").toInstant(),
                        rs.getString("label"), rs.getDouble("confidence"), rs.getString("decided_by"),
                        rs.getString("destination_type"), rs.getString("destination"), rs.getString("channel")))
                .list();
    }

    /**
     * What waits: mail in a person's hands and the age of the oldest, classified mail not yet filed,
     * and dead letters. For the page headers, the ops page and the metrics.
     */
    public record Backlog(long items, Duration oldestAge, long routing, long deadLetters, long pipelineDeadLetters) {

        public static final Backlog EMPTY = new Backlog(0, Duration.ZERO, 0, 0, 0);
    }

    public Backlog backlog() {
        return jdbc.sql("""
                select (select count(*) from review_item where status <> 'DONE') as items,
                       (select min(created_at) from review_item where status <> 'DONE') as oldest,
                       (select count(*) from routing_task where status = 'PENDING') as routing,
                       (select count(*) from routing_task where status = 'DEAD') as dead,
                       (select count(*) from pipeline_dead_letter where """ + PipelineDeadLetters.OPEN + """
                       ) as pipeline_dead""")
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new Backlog(rs.getLong("items"),
                            oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), clock.instant()),
                            rs.getLong("routing"), rs.getLong("dead"), rs.getLong("pipeline_dead"));
                }).single();
    }

    /** One day of mail flow: arrivals, how they ended, and what people corrected. */
    public record Day(java.time.LocalDate day, long classified, long autoRouted, long toReview, long reviewerDecisions,
            long reviewerAgreed, long corrections) {

        /** Share routed without a person. */
        public double automation() {
            return classified == 0 ? 0 : (double) autoRouted / classified;
        }

        /** Auto-routed mail nobody corrected, as a share of auto-routed mail (observed accuracy). */
        public double observedAccuracy() {
            return autoRouted == 0 ? 1 : 1 - (double) corrections / autoRouted;
        }
    }

    /** The last {@code days} days, newest first (Danish calendar days). */
    public List<Day> daily(int days) {
        return jdbc.sql("""
                with d as (select generate_series(date_trunc('day', now() at time zone 'Europe/Copenhagen')
                                  - make_interval(days => :days - 1),
                                  date_trunc('day', now() at time zone 'Europe/Copenhagen'), interval '1 day')::date as day)
                select d.day,
                  (select count(*) from routing_task t where (t.created_at at time zone 'Europe/Copenhagen')::date = d.day) as classified,
                  (select count(*) from routing_outcome o where o.decided_by in ('MODEL', 'RULE') and o.outcome = 'ROUTED'
                     and (o.decided_at at time zone 'Europe/Copenhagen')::date = d.day)
                  + (select count(*) from audit_log a where %1$s
                     and (a.at at time zone 'Europe/Copenhagen')::date = d.day) as auto_routed,
                  (select count(*) from review_item r where (r.created_at at time zone 'Europe/Copenhagen')::date = d.day) as to_review,
                  (select count(*) from audit_log a where a.action = 'DECIDE' and (a.at at time zone 'Europe/Copenhagen')::date = d.day) as decisions,
                  (select count(*) from audit_log a where a.action = 'DECIDE' and a.detail->>'label' = a.detail->>'modelLabel'
                     and (a.at at time zone 'Europe/Copenhagen')::date = d.day) as agreed,
                  (select count(*) from audit_log a where %1$s and (a.at at time zone 'Europe/Copenhagen')::date = d.day) as corrections
                from d order by d.day desc""".formatted(AUTOMATIC_ROUTING_CORRECTED))
                .param("days", days)
                .query((rs, n) -> new Day(rs.getDate("day").toLocalDate(), rs.getLong("classified"), rs.getLong("auto_routed"),
                        rs.getLong("to_review"), rs.getLong("decisions"), rs.getLong("agreed"), rs.getLong("corrections")))
                .list();
    }

    /** One mailbox over the last 7 days: how much went there without a person, and how much staff corrected. */
    public record MailboxWeek(String mailbox, long autoRouted, long corrected, long reviewerRouted) {

        public double observedAccuracy() {
            return autoRouted == 0 ? 1 : Math.max(0, 1 - (double) corrected / autoRouted);
        }
    }

    public List<MailboxWeek> mailboxes() {
        return jdbc.sql("""
                with routed as (
                    select label, count(*) filter (where decided_by in ('MODEL', 'RULE')) as auto_routed,
                           count(*) filter (where decided_by = 'REVIEWER') as reviewer_routed
                    from routing_outcome where outcome = 'ROUTED' and decided_at > now() - interval '7 days' and label is not null
                    group by label),
                corrected as (
                    select a.detail->>'from' as label, count(*) as corrected from audit_log a
                    where %1$s and a.at > now() - interval '7 days' group by a.detail->>'from')
                select coalesce(r.label, c.label) as mailbox, coalesce(r.auto_routed, 0) + coalesce(c.corrected, 0) as auto_routed,
                       coalesce(c.corrected, 0) as corrected, coalesce(r.reviewer_routed, 0) as reviewer_routed
                from routed r full join corrected c on c.label = r.label order by 1""".formatted(AUTOMATIC_ROUTING_CORRECTED))
                .query((rs, n) -> new MailboxWeek(rs.getString("mailbox"), rs.getLong("auto_routed"), rs.getLong("corrected"),
                        rs.getLong("reviewer_routed")))
                .list();
    }

    private static QueueRow queueRow(ResultSet rs, Instant now) throws SQLException {
        Instant created = rs.getTimestamp("created_at").toInstant();
        String language = rs.getString("language");
        return new QueueRow(rs.getObject("mail_id", UUID.class), created, Duration.between(created, now),
                rs.getString("channel"), language == null ? "und" : language,
                MailJson.mapper().readValue(rs.getString("suggestions"), new TypeReference<List<LabelScore>>() { }),
                MailJson.mapper().readValue(rs.getString("reasons"), new TypeReference<List<DecisionReason>>() { }),
                rs.getString("status"), rs.getString("claimed_by"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
