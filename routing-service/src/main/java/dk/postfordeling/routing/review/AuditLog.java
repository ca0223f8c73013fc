package dk.postfordeling.routing.review;

import dk.postfordeling.contracts.MailJson;
import tools.jackson.core.type.TypeReference;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who did what with which mail, and when. The actor is a pseudonymous id; details carry ids and
 * outcomes, never content. Written in the caller's transaction, so an audited action and its audit
 * row commit together.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An audit row's {@code detail} column, as {@link #record} wrote it. */
    public static Map<String, String> detail(String json) {
        return MailJson.mapper().readValue(json, new TypeReference<Map<String, String>>() { });
    }

    public void record(String actor, String action, UUID mailId, Map<String, String> detail) {
        jdbc.sql("insert into audit_log (actor, action, mail_id, detail) values (:actor, :action, :id, cast(:detail as jsonb))")
                .param("actor", actor).param("action", action).param("id", mailId)
                .param("detail", MailJson.mapper().writeValueAsString(detail)).update();
    }
}
