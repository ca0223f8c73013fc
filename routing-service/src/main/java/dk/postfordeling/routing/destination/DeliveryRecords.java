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

    /**
     * A mail's filing in one destination: its reference if it was filed there already (then there is
     * nothing to file and {@code checkpoints} is null), else the checkpoints to file it with.
     */
    public record Delivery(Optional<String> confirmedReference, Checkpoints checkpoints) {
    }

    /**
     * The record of this mail's filing in this destination, created on first use: whether it was
     * filed there already (and under which reference) and the checkpoints saved so far, read in the
     * same statement that creates the record, which commits on its own.
     */
    public Delivery open(UUID mailId, Route.ToDestination route) {
        record Row(String state, String reference, String checkpoints) {
        }
        // On conflict the key is set to itself, so the existing record is returned too.
        Row row = ownTransaction.execute(status -> jdbc.sql("""
                insert into delivery (mail_id, destination_key, destination_type) values (:id, :key, :type)
                on conflict (mail_id, destination_key) do update set destination_key = excluded.destination_key
                returning state, external_reference, checkpoints::text""")
                .param("id", mailId).param("key", route.key()).param("type", route.type().name())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).single());
        if ("CONFIRMED".equals(row.state())) {
            return new Delivery(Optional.of(row.reference()), null);
        }
        Map<String, String> saved = new LinkedHashMap<>(MailJson.mapper().readValue(row.checkpoints(),
                new TypeReference<Map<String, String>>() { }));
        return new Delivery(Optional.empty(), new Checkpoints() {
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
        });
    }

    /** Marks the filing done (in the caller's transaction, with the outcome it belongs to). */
    public void confirm(UUID mailId, Route.ToDestination route, String reference) {
        jdbc.sql("""
                update delivery set state = 'CONFIRMED', external_reference = :reference, confirmed_at = now()
                where mail_id = :id and destination_key = :key""")
                .param("reference", reference).param("id", mailId).param("key", route.key()).update();
    }
}
