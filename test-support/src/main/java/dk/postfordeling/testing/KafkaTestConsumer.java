package dk.postfordeling.testing;

import dk.postfordeling.contracts.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads one topic from the beginning, as a test's eye on the wire. */
public final class KafkaTestConsumer<T> implements AutoCloseable {

    private final KafkaConsumer<String, T> consumer;
    private final List<ConsumerRecord<String, T>> seen = new ArrayList<>();

    public KafkaTestConsumer(String bootstrapServers, Topic<T> topic) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic);
    }

    /** A reader with the given client settings, e.g. a TLS broker's ({@code security.protocol}, trust store). */
    public KafkaTestConsumer(Map<String, Object> clientConfig, Topic<T> topic) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), topic.serde());
        consumer.subscribe(List.of(topic.name()));
    }

    /** Every record seen so far, after polling for new ones. */
    public List<ConsumerRecord<String, T>> records() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /** Values of the records with this key. */
    public List<T> valuesFor(String key) {
        return records().stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
