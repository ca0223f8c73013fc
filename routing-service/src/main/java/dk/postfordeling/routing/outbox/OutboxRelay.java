package dk.postfordeling.routing.outbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in order and marks them published. Rows are locked with
 * {@code SKIP LOCKED}, so several instances can relay side by side. A row is marked only after
 * Kafka confirmed it; after a crash in between it is published again (at least once), and
 * consumers are idempotent by mail id.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, Object> kafka;
    private final TransactionTemplate transactions;

    OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, Object> kafka, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${postfordeling.routing.poll-interval:250ms}")
    void relay() {
        try {
            Integer published;
            do {
                published = transactions.execute(status -> publishBatch());
            } while (published != null && published == BATCH);
        } catch (RuntimeException e) {
            log.warn("outbox relay paused: {}", e.getClass().getSimpleName());
        }
    }

    private int publishBatch() {
        List<Row> rows = jdbc.sql("""
                select id, topic, message_key, payload::text as payload, headers::text as headers from outbox
                where published_at is null and available_at <= now() order by id limit :batch for update skip locked""")
                .param("batch", BATCH)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"),
                        rs.getString("payload"), rs.getString("headers")))
                .list();
        for (Row row : rows) {
            try {
                org.apache.kafka.clients.producer.ProducerRecord<String, Object> record = new org.apache.kafka.clients.producer.ProducerRecord<>(
                        row.topic(), row.key(), row.payload().getBytes(StandardCharsets.UTF_8));
                if (row.headers() != null) {
                    java.util.Map<String, String> headers = dk.postfordeling.contracts.MailJson.mapper().readValue(row.headers(),
                            new tools.jackson.core.type.TypeReference<java.util.Map<String, String>>() { });
                    headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                }
                kafka.send(record).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while relaying the outbox", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not confirm outbox row " + row.id(), e);
            }
            jdbc.sql("update outbox set published_at = now() where id = :id").param("id", row.id()).update();
        }
        return rows.size();
    }

    private record Row(long id, String topic, String key, String payload, String headers) {
    }
}
