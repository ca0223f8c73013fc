package dk.postfordeling.routing.outbox;

import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.contracts.Topic;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transactional outbox: an event is written in the same database transaction as the state change
 * it announces, and {@link OutboxRelay} publishes it to Kafka afterwards. So an event is never
 * published for a change that was rolled back, and never lost for one that was committed. The only
 * writer of the {@code outbox} table.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds an event; must run inside the transaction of the change it describes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> void append(Topic<T> topic, String key, T event) {
        jdbc.sql("insert into outbox (topic, message_key, payload) values (:topic, :key, cast(:payload as jsonb))")
                .param("topic", topic.name())
                .param("key", key)
                .param("payload", MailJson.mapper().writeValueAsString(event))
                .update();
    }

    /**
     * Adds an event that is published no earlier than {@code availableAt} and can be withdrawn
     * until then (a reviewer's decision during its undo window).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> void appendAt(Topic<T> topic, String key, T event, java.time.Instant availableAt) {
        jdbc.sql("""
                insert into outbox (topic, message_key, payload, available_at)
                values (:topic, :key, cast(:payload as jsonb), :at)""")
                .param("topic", topic.name())
                .param("key", key)
                .param("payload", MailJson.mapper().writeValueAsString(event))
                .param("at", java.sql.Timestamp.from(availableAt))
                .update();
    }

    /** Withdraws events for the key that are not yet published nor due; returns how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int withdraw(Topic<?> topic, String key) {
        return jdbc.sql("""
                delete from outbox where topic = :topic and message_key = :key and published_at is null and available_at > now()""")
                .param("topic", topic.name()).param("key", key).update();
    }

    /** Adds a record for the topic's dead-letter companion, with its cause in headers (no content there). */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> void appendDeadLetter(Topic<T> topic, String key, T event, java.util.Map<String, String> headers) {
        jdbc.sql("""
                insert into outbox (topic, message_key, payload, headers)
                values (:topic, :key, cast(:payload as jsonb), cast(:headers as jsonb))""")
                .param("topic", topic.deadLetterName())
                .param("key", key)
                .param("payload", MailJson.mapper().writeValueAsString(event))
                .param("headers", MailJson.mapper().writeValueAsString(headers))
                .update();
    }

    /** An event waiting to be published. */
    record Pending(long id, String topic, String key, String payload, String headers) {
    }

    /**
     * Locks up to {@code limit} due events, oldest first, for the caller's transaction; other relays
     * (on any instance) skip them.
     */
    List<Pending> lockDue(int limit) {
        return jdbc.sql("""
                select id, topic, message_key, payload::text as payload, headers::text as headers from outbox
                where published_at is null and available_at <= now() order by id limit :limit for update skip locked""")
                .param("limit", limit)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"),
                        rs.getString("payload"), rs.getString("headers")))
                .list();
    }

    /** Kafka confirmed these events. */
    void markPublished(List<Long> ids) {
        jdbc.sql("update outbox set published_at = now() where id = any(:ids)").param("ids", ids.toArray(Long[]::new)).update();
    }

    /** Published events older than {@code before}: Kafka holds them now, for the topics' own retention. */
    public int deletePublishedBefore(java.time.Instant before) {
        return jdbc.sql("delete from outbox where published_at is not null and published_at < :before")
                .param("before", java.sql.Timestamp.from(before)).update();
    }

    /** Every event of one mail, published or not: its content is being erased. */
    public int deleteAllFor(String key) {
        return jdbc.sql("delete from outbox where message_key = :key").param("key", key).update();
    }
}
