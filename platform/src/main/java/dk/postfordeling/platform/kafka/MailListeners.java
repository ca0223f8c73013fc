package dk.postfordeling.platform.kafka;

import dk.postfordeling.contracts.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Builds a listener container factory that reads one topic's wire message. A record that cannot be
 * deserialised is handed to the error handler (and so to the dead-letter topic) rather than
 * stopping the consumer.
 */
public final class MailListeners {

    private MailListeners() {
    }

    /**
     * A factory for a listener that takes one record at a time. Offsets are committed after each
     * poll's records were handled, so a record is handled at least once; consumers are idempotent by mail id.
     */
    public static <T> ConcurrentKafkaListenerContainerFactory<String, T> forTopic(
            Topic<T> topic, KafkaProperties kafka, DefaultErrorHandler errorHandler, int concurrency, MeterRegistry meters) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        DefaultKafkaConsumerFactory<String, T> consumers = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ErrorHandlingDeserializer<>(topic.serde()));
        // The Kafka client's own metrics, consumer lag among them (kafka_consumer_fetch_manager_records_lag_max).
        consumers.addListener(new MicrometerConsumerListener<>(meters));
        ConcurrentKafkaListenerContainerFactory<String, T> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(errorHandler);
        factory.setConcurrency(concurrency);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }

    /**
     * A factory for a listener that takes each poll's records as a list, so it can send its results
     * for all of them before waiting for Kafka's confirmations. A listener that fails on one record
     * throws {@code BatchListenerFailedException} with its index: the records before it are committed
     * and the failed one is retried, then dead-lettered.
     */
    public static <T> ConcurrentKafkaListenerContainerFactory<String, T> forTopicInBatches(
            Topic<T> topic, KafkaProperties kafka, DefaultErrorHandler errorHandler, int concurrency, MeterRegistry meters) {
        ConcurrentKafkaListenerContainerFactory<String, T> factory = forTopic(topic, kafka, errorHandler, concurrency, meters);
        factory.setBatchListener(true);
        return factory;
    }

    /**
     * Waits for Kafka to confirm the sends a batch listener made, one per record in the batch's order
     * (send {@code i} belongs to record {@code i}). A failed send fails its record: the ones before it
     * are committed, it and the rest are handled again.
     *
     * @param what what was sent, for the failure's message (e.g. "a classified mail")
     */
    public static void awaitSends(List<? extends Future<?>> sends, String what) throws InterruptedException {
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get();
            } catch (ExecutionException e) {
                throw new BatchListenerFailedException("Kafka did not confirm " + what, e.getCause(), i);
            }
        }
    }
}
