package dk.postfordeling.routing.pause;

import dk.postfordeling.routing.policy.Pauses;
import dk.postfordeling.routing.review.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pauses of automatic routing, in routing's database so every instance obeys them from the next
 * mail it handles. The only writer of {@code routing_pause}; each pause and resume is audited
 * ({@code PAUSE}, {@code RESUME}) in the same transaction.
 */
@Component
public class RoutingPauses {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public RoutingPauses(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The pauses in force now. */
    public Pauses current() {
        List<Pauses.Pause> rows = jdbc.sql("select scope, reason, paused_by, paused_at from routing_pause")
                .query((rs, n) -> new Pauses.Pause(rs.getString("scope"), rs.getString("reason"), rs.getString("paused_by"),
                        rs.getTimestamp("paused_at").toInstant()))
                .list();
        Optional<Pauses.Pause> everything = Optional.empty();
        Map<String, Pauses.Pause> destinations = new HashMap<>();
        for (Pauses.Pause pause : rows) {
            if (pause.scope().equals(Pauses.EVERYTHING)) {
                everything = Optional.of(pause);
            } else {
                destinations.put(pause.scope(), pause);
            }
        }
        return new Pauses(everything, destinations);
    }

    /** Pauses automatic routing for {@code scope} (a new reason replaces an earlier one). */
    @Transactional
    public void pause(String scope, String reason, String actor) {
        jdbc.sql("""
                insert into routing_pause (scope, reason, paused_by, paused_at) values (:scope, :reason, :by, :at)
                on conflict (scope) do update set reason = excluded.reason, paused_by = excluded.paused_by, paused_at = excluded.paused_at""")
                .param("scope", scope).param("reason", reason).param("by", actor).param("at", Timestamp.from(clock.instant()))
                .update();
        audit.record(actor, "PAUSE", null, Map.of("scope", scope, "reason", reason));
    }

    /** Resumes automatic routing for {@code scope}; false if it was not paused. */
    @Transactional
    public boolean resume(String scope, String actor) {
        boolean resumed = jdbc.sql("delete from routing_pause where scope = :scope").param("scope", scope).update() > 0;
        if (resumed) {
            audit.record(actor, "RESUME", null, Map.of("scope", scope));
        }
        return resumed;
    }
}
