package dk.postfordeling.routing.outbox;

import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.routing.table.RoutingProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
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
class OutboxRelay implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final Outbox outbox;
    private final KafkaTemplate<String, Object> kafka;
    private final TransactionTemplate transactions;
    private final Duration pollInterval;

    OutboxRelay(Outbox outbox, KafkaTemplate<String, Object> kafka, TransactionTemplate transactions, RoutingProperties properties) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.transactions = transactions;
        this.pollInterval = properties.pollInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::relay, pollInterval);
    }

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
        List<Outbox.Pending> rows = outbox.lockDue(BATCH);
        // All of the batch is sent before waiting: one round of Kafka confirmations per batch, not per row.
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (Outbox.Pending row : rows) {
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
            outbox.markPublished(confirmed);
        }
        return confirmed.size() == rows.size() ? rows.size() : 0;
    }
}
