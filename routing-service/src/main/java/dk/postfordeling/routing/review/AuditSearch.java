package dk.postfordeling.routing.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit log for an administrator or the data protection officer: by mail, person and period. */
@Component
public class AuditSearch {

    /** Any part may be empty (null): all mail, every person, from the start or to now. */
    public record Filter(UUID mailId, String actor, Instant from, Instant to) {
    }

    /** One audit row; {@code detail} carries ids and outcomes, never content. */
    public record Entry(long id, Instant at, String actor, String action, UUID mailId, Map<String, String> detail) {
    }

    private final JdbcClient jdbc;

    public AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The matching rows, newest first, at most {@code limit}; each handed to {@code rows} as it is read. */
    public void search(Filter filter, int limit, Consumer<Entry> rows) {
        jdbc.sql("""
                select id, at, actor, action, mail_id, detail::text as detail from audit_log
                where (cast(:mail as uuid) is null or mail_id = :mail)
                  and (cast(:actor as text) is null or actor = :actor)
                  and (cast(:from as timestamptz) is null or at >= :from)
                  and (cast(:to as timestamptz) is null or at < :to)
                order by at desc, id desc limit :limit""")
                .param("mail", filter.mailId())
                .param("actor", filter.actor() == null || filter.actor().isBlank() ? null : filter.actor().strip())
                .param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
                .param("to", filter.to() == null ? null : Timestamp.from(filter.to()))
                .param("limit", limit)
                .query((java.sql.ResultSet rs) -> {
                    rows.accept(new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                            rs.getString("action"), rs.getObject("mail_id", UUID.class),
                            AuditLog.detail(rs.getString("detail"))));
                });
    }
}
