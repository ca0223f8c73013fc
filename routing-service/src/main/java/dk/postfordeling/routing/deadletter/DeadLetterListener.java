package dk.postfordeling.routing.deadletter;

import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.logging.MailLogContext;
import dk.postfordeling.routing.dispatch.RoutingDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Reads the dead-letter companion of every topic in the catalogue. Nothing is dead-lettered from
 * here: while the database is away a record is retried until it can be recorded, so no failed mail
 * is skipped. Replaying puts a later stage's record back on its topic, read from its place in the
 * dead-letter topic (no copy of mail content is kept outside Kafka).
 */
@Component
public class DeadLetterListener {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterListener.class);

    private final PipelineDeadLetters deadLetters;
    private final KafkaProperties kafka;
    private final MeterRegistry meters;

    DeadLetterListener(PipelineDeadLetters deadLetters, KafkaProperties kafka, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.kafka = kafka;
        this.meters = meters;
    }

    @KafkaListener(topics = "#{@deadLetterTopics}", groupId = "routing-service-dead-letters",
            containerFactory = "deadLetterListenerFactory")
    void onDeadLetter(ConsumerRecord<String, byte[]> record) {
        if (record.headers().lastHeader(RoutingDispatcher.DESTINATION_HEADER) != null) {
            return; // routing's own delivery dead letter: its task waits in the routing queue for a replay
        }
        PipelineDeadLetters.Arrived arrived = new PipelineDeadLetters.Arrived(record.topic(), record.partition(),
                record.offset(), record.timestamp(), record.key(), record.value(), cause(record));
        Optional<PipelineDeadLetters.Taken> taken = deadLetters.take(arrived);
        if (taken.isEmpty()) {
            return; // taken before: a redelivery
        }
        PipelineDeadLetters.Taken t = taken.get();
        meters.counter("postfordeling.pipeline.dead.letters", "stage", t.stage().name()).increment();
        try (MailLogContext ignored = t.mailId() == null ? null : MailLogContext.open(t.mailId())) {
            log.warn("mail failed in the pipeline stage={} cause={} topic={} partition={} offset={} toReview={}",
                    t.stage(), arrived.cause(), record.topic(), record.partition(), record.offset(), t.toReview());
        }
    }

    /**
     * Puts a later stage's dead letter back on its topic, exactly as it was, keyed as before.
     *
     * @return whether it was replayed; false when unknown, replayed before, or a mail that went to a person
     */
    public boolean replay(long id) {
        Optional<PipelineDeadLetters.Arrived> where = deadLetters.replayable(id);
        if (where.isEmpty()) {
            return false;
        }
        PipelineDeadLetters.Arrived at = where.get();
        TopicPartition partition = new TopicPartition(at.deadLetterTopic(), at.partition());
        Map<String, Object> consumerConfig = kafka.buildConsumerProperties();
        consumerConfig.put("enable.auto.commit", false);
        consumerConfig.remove("group.id");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.buildProducerProperties(),
                        new StringSerializer(), new ByteArraySerializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, at.offset());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == at.offset() && record.timestamp() == at.timestamp()) {
                        producer.send(new ProducerRecord<>(PipelineDeadLetters.originalTopic(at.deadLetterTopic()),
                                record.key(), record.value())).get();
                        deadLetters.markReplayed(id);
                        log.info("dead letter replayed topic={} offset={}", at.deadLetterTopic(), at.offset());
                        return true;
                    }
                }
            }
            throw new IllegalStateException("dead letter " + id + " is no longer in " + at.deadLetterTopic());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying dead letter " + id, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the replayed dead letter " + id, e.getCause());
        }
    }

    /** The exception's class name as the dead-letter publisher recorded it (never its message). */
    private static String cause(ConsumerRecord<String, byte[]> record) {
        String cause = header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        String exception = header(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
        String name = cause != null ? cause : exception != null ? exception : "ukendt årsag";
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Configuration(proxyBeanMethods = false)
    static class ListenerConfiguration {

        @Bean
        String[] deadLetterTopics() {
            return Topics.ALL.stream().map(t -> t.deadLetterName()).toArray(String[]::new);
        }

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, byte[]> deadLetterListenerFactory(KafkaProperties kafka) {
            ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
            factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(),
                    new StringDeserializer(), new ByteArrayDeserializer()));
            // Retried until the database takes it: a dead letter of a dead letter would be read by nobody.
            DefaultErrorHandler retryForever = new DefaultErrorHandler(new FixedBackOff(2_000L, FixedBackOff.UNLIMITED_ATTEMPTS));
            retryForever.setRetryListeners((record, failure, attempt) -> log.error(
                    "dead letter not recorded yet topic={} partition={} offset={} attempt={} cause={}", record.topic(),
                    record.partition(), record.offset(), attempt, failure.getClass().getSimpleName()));
            factory.setCommonErrorHandler(retryForever);
            factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
            return factory;
        }
    }
}
