package dk.postfordeling.routing.report;

import dk.postfordeling.routing.outcome.DecidedBy;
import dk.postfordeling.routing.outcome.OutcomeKind;
import dk.postfordeling.routing.workbench.WorkbenchQueries;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who the model fails, live: over the last {@code days}, per slice of mail — language, channel,
 * sender kind, text length band, CPR numbers — how much was routed without a person, how much of
 * that staff corrected, and the observed accuracy (automatic routing not corrected, and reviewers'
 * decisions that agreed with the model's suggestion, of both). A slice clearly worse than the whole
 * is flagged (see {@link SliceProperties}). Reads only.
 */
@Component
public class LiveSlices {

    /** One slice's figures; {@code dimension} {@code all} is the whole. */
    public record Slice(String dimension, String value, long mail, long autoRouted, long corrected, long decisions, long agreed,
            List<String> below) {

        public double routedShare() {
            return mail == 0 ? 0 : (double) autoRouted / mail;
        }

        public double correctionRate() {
            return autoRouted == 0 ? 0 : (double) corrected / autoRouted;
        }

        /** Right of what was decided: automatic routing nobody corrected, and reviewers who agreed with the model. */
        public double observedAccuracy() {
            long judged = autoRouted + decisions;
            return judged == 0 ? 1 : (double) (autoRouted - corrected + agreed) / judged;
        }

        public boolean flagged() {
            return !below.isEmpty();
        }

        /** {@code language=en}: the slice's name in metrics and alerts (never content). */
        public String name() {
            return dimension + "=" + value;
        }
    }

    /** The whole and every slice, with the settings that judged them. */
    public record View(Slice whole, List<Slice> slices, SliceProperties settings) {

        public List<Slice> flagged() {
            return slices.stream().filter(Slice::flagged).toList();
        }
    }

    private static final List<String> DIMENSIONS = List.of("language", "channel", "sender", "length", "cpr");

    private final JdbcClient jdbc;
    private final SliceProperties properties;
    private final Clock clock;

    public LiveSlices(JdbcClient jdbc, SliceProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public View view() {
        StringBuilder sql = new StringBuilder("""
                with m as (
                    select coalesce(t.language, 'und') as language, coalesce(t.channel, 'UNKNOWN') as channel,
                           coalesce(t.sender_type, 'unknown') as sender,
                           case when t.text_length is null then 'unknown' when t.text_length < 200 then 'under-200'
                                when t.text_length <= 1000 then '200-1000' else 'over-1000' end as length,
                           case when t.cpr_numbers is null then 'unknown' when t.cpr_numbers > 0 then 'yes' else 'no' end as cpr,
                           exists (select 1 from audit_log a where a.mail_id = t.mail_id and %1$s) as corrected,
                           coalesce(o.outcome = :routed and o.decided_by in (:model, :rule), false) as routed_automatically,
                           exists (select 1 from audit_log a where a.mail_id = t.mail_id and a.action = 'DECIDE') as decided,
                           exists (select 1 from audit_log a where a.mail_id = t.mail_id and a.action = 'DECIDE'
                                   and a.detail->>'label' = a.detail->>'modelLabel') as agreed
                    from routing_task t left join routing_outcome o on o.mail_id = t.mail_id
                    where t.created_at > :since)
                select dimension, value, count(*) as mail,
                       count(*) filter (where routed_automatically or corrected) as auto_routed,
                       count(*) filter (where corrected) as corrected,
                       count(*) filter (where decided) as decisions, count(*) filter (where agreed) as agreed
                from (select 'all' as dimension, 'all' as value, m.* from m
                """.formatted(WorkbenchQueries.AUTOMATIC_ROUTING_CORRECTED));
        for (String dimension : DIMENSIONS) {
            sql.append("      union all select '").append(dimension).append("', ").append(dimension).append(", m.* from m\n");
        }
        sql.append(") s group by dimension, value order by dimension, value");
        List<Slice> rows = jdbc.sql(sql.toString())
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(properties.days()))))
                .param("routed", OutcomeKind.ROUTED.name()).param("model", DecidedBy.MODEL.name()).param("rule", DecidedBy.RULE.name())
                .query((rs, n) -> new Slice(rs.getString("dimension"), rs.getString("value"), rs.getLong("mail"), rs.getLong("auto_routed"),
                        rs.getLong("corrected"), rs.getLong("decisions"), rs.getLong("agreed"), List.of()))
                .list();
        Slice whole = rows.stream().filter(s -> s.dimension().equals("all")).findFirst()
                .orElse(new Slice("all", "all", 0, 0, 0, 0, 0, List.of()));
        List<Slice> slices = new ArrayList<>();
        for (Slice slice : rows) {
            if (!slice.dimension().equals("all")) {
                slices.add(judged(slice, whole));
            }
        }
        return new View(whole, slices, properties);
    }

    private Slice judged(Slice slice, Slice whole) {
        List<String> below = new ArrayList<>();
        if (slice.mail() >= properties.minMail()) {
            if (slice.observedAccuracy() < whole.observedAccuracy() - properties.margin()) {
                below.add("accuracy");
            }
            if (slice.routedShare() < whole.routedShare() - properties.margin()) {
                below.add("routedShare");
            }
        }
        return new Slice(slice.dimension(), slice.value(), slice.mail(), slice.autoRouted(), slice.corrected(), slice.decisions(),
                slice.agreed(), List.copyOf(below));
    }
}
