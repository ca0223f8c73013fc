package dk.postfordeling.routing.outbox;

import dk.postfordeling.contracts.MailJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

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
        // All of the batch is sent before waiting: one round of Kafka confirmations per batch, not per row.
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, Object> record = new ProducerRecord<>(row.topic(), row.key(), row.payload().getBytes(StandardCharsets.UTF_8));
            if (row.headers() != null) {
                Map<String, String> headers = MailJson.mapper().readValue(row.headers(), new TypeReference<Map<String, String>>() { });
                headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            }
            sends.add(kafka.send(record));
        }
        // Rows are marked published in order up to the first one Kafka did not confirm; that one and
        // the rest are published again on the next round (at least once; consumers know them by mail id).
        List<Long> confirmed = new ArrayList<>(rows.size());
        try {
            for (int i = 0; i < rows.size(); i++) {
                sends.get(i).get(10, TimeUnit.SECONDS);
                confirmed.add(rows.get(i).id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Kafka did not confirm outbox row {}; it is published again on the next round",
                    rows.get(confirmed.size()).id());
        }
        if (!confirmed.isEmpty()) {
            jdbc.sql("update outbox set published_at = now() where id = any(:ids)")
                    .param("ids", confirmed.toArray(Long[]::new)).update();
        }
        return confirmed.size() == rows.size() ? rows.size() : 0;
    }

    private record Row(long id, String topic, String key, String payload, String headers) {
    }
}
