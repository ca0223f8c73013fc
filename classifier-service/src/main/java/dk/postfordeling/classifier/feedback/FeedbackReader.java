package dk.postfordeling.classifier.feedback;

import dk.postfordeling.classifier.model.LabelledText;
import dk.postfordeling.contracts.RoutingCorrected;
import dk.postfordeling.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads staff decisions from the feedback topic ({@code mail.feedback.v1}) as training examples:
 * every record from the beginning up to the end at the time of reading, one example per mail — the
 * newest decision wins when a mail was corrected more than once. Decisions without the mail's text
 * (schema 1.0) cannot be learnt from and are counted, not used. Reads without a consumer group, so
 * it never moves the service's own offsets.
 */
public final class FeedbackReader {

    /** The examples and what was left out. */
    public record Feedback(List<LabelledText> examples, int records, int superseded, int withoutText) {
    }

    private final Map<String, Object> clientConfig;
    private final Duration timeout;

    /**
     * @param clientConfig the Kafka client settings the service's own clients use (bootstrap servers,
     *                     TLS, SASL); the reader adds its own id and reading settings
     */
    public FeedbackReader(Map<String, Object> clientConfig, Duration timeout) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.timeout = timeout;
    }

    /** A reader of a broker that needs no credentials (the command line, tests). */
    public static FeedbackReader plaintext(String bootstrapServers, Duration timeout) {
        return new FeedbackReader(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), timeout);
    }

    public Feedback read() {
        Properties properties = new Properties();
        properties.putAll(clientConfig);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "classifier-feedback-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        Map<String, RoutingCorrected> newest = new HashMap<>();
        int records = 0;
        int withoutText = 0;
        try (KafkaConsumer<String, RoutingCorrected> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                Topics.MAIL_FEEDBACK.serde())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MAIL_FEEDBACK.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (!caughtUp(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("feedback topic not read to its end within " + timeout);
                }
                for (ConsumerRecord<String, RoutingCorrected> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    RoutingCorrected decision = record.value();
                    if (decision.text() == null || decision.text().isBlank()) {
                        withoutText++;
                        continue;
                    }
                    newest.merge(decision.mailId().toString(), decision,
                            (a, b) -> b.correctedAt().isAfter(a.correctedAt()) ? b : a);
                }
            }
        }
        List<LabelledText> examples = new ArrayList<>();
        newest.values().stream()
                .sorted(Comparator.comparing(RoutingCorrected::correctedAt).thenComparing(d -> d.mailId().toString()))
                .forEach(d -> examples.add(new LabelledText(d.text(), d.toLabel())));
        return new Feedback(List.copyOf(examples), records, records - withoutText - examples.size(), withoutText);
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}
