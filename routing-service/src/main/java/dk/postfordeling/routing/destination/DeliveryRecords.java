package dk.postfordeling.routing.destination;

import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.routing.table.Route;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * Idempotency records: one per (mail, destination) in PostgreSQL. Checkpoints are written in their
 * own transaction, committed before the call they protect, whatever happens to the caller's.
 */
@Repository
public class DeliveryRecords {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public DeliveryRecords(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The destination's reference if this mail was already filed there. */
    public Optional<String> confirmed(UUID mailId, Route.ToDestination route) {
        return jdbc.sql("select external_reference from delivery where mail_id = :id and destination_key = :key and state = 'CONFIRMED'")
                .param("id", mailId).param("key", route.key())
                .query(String.class).optional();
    }

    /** The checkpoints of this mail's filing in this destination, created on first use. */
    public Checkpoints checkpoints(UUID mailId, Route.ToDestination route) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                insert into delivery (mail_id, destination_key, destination_type) values (:id, :key, :type)
                on conflict (mail_id, destination_key) do nothing""")
                .param("id", mailId).param("key", route.key()).param("type", route.type().name()).update());
        Map<String, String> saved = new LinkedHashMap<>(read(mailId, route));
        return new Checkpoints() {
            @Override
            public Optional<String> get(String name) {
                return Optional.ofNullable(saved.get(name));
            }

            @Override
            public void save(String name, String value) {
                ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        update delivery set checkpoints = checkpoints || jsonb_build_object(cast(:name as text), cast(:value as text))
                        where mail_id = :id and destination_key = :key""")
                        .param("name", name).param("value", value).param("id", mailId).param("key", route.key()).update());
                saved.put(name, value);
            }
        };
    }

    /** Marks the filing done (in the caller's transaction, with the outcome it belongs to). */
    public void confirm(UUID mailId, Route.ToDestination route, String reference) {
        jdbc.sql("""
                update delivery set state = 'CONFIRMED', external_reference = :reference, confirmed_at = now()
                where mail_id = :id and destination_key = :key""")
                .param("reference", reference).param("id", mailId).param("key", route.key()).update();
    }

    private Map<String, String> read(UUID mailId, Route.ToDestination route) {
        String json = jdbc.sql("select checkpoints::text from delivery where mail_id = :id and destination_key = :key")
                .param("id", mailId).param("key", route.key()).query(String.class).single();
        return MailJson.mapper().readValue(json, new TypeReference<Map<String, String>>() { });
    }
}
