package dk.postfordeling.platform.kafka;

import dk.postfordeling.contracts.Topic;
import dk.postfordeling.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Kafka wiring shared by every service: all topics of the catalogue (and their dead-letter
 * companions) exist, records are written with the {@link WireSerializer}, and a record that keeps
 * failing goes to {@code <topic>.dlt} after retries with back-off instead of blocking its partition.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(MailKafkaProperties.class)
public class MailKafkaConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer wireSerializers(MailKafkaProperties properties) {
        return factory -> {
            @SuppressWarnings({"unchecked", "rawtypes"})
            org.springframework.kafka.core.DefaultKafkaProducerFactory<Object, Object> f =
                    (org.springframework.kafka.core.DefaultKafkaProducerFactory) factory;
            f.setKeySerializer((org.apache.kafka.common.serialization.Serializer) new StringSerializer());
            f.setValueSerializer(new WireSerializer());
            f.updateConfigs(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, properties.transportLimitBytes()));
        };
    }

    /** Named {@code kafka}: it shows as {@code components.kafka} in health and is part of readiness. */
    @Bean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(org.springframework.boot.kafka.autoconfigure.KafkaProperties kafka) {
        return new KafkaHealthIndicator(kafka.buildAdminProperties());
    }

    @Bean
    KafkaAdmin.NewTopics mailTopics(MailKafkaProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : Topics.allNamesWithDeadLetters()) {
            // Every copy of mail content has an end: records older than the topic's retention are deleted.
            Duration retention = name.startsWith(Topics.MAIL_FEEDBACK.name()) ? properties.feedbackRetention() : properties.retention();
            topics.add(new NewTopic(name, properties.partitions(), properties.replicationFactor())
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(properties.transportLimitBytes()),
                            TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()))));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    DefaultErrorHandler mailErrorHandler(KafkaTemplate<?, ?> template, MailKafkaProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, -1));
        // An exception's message and stack trace can quote the record (a parser's excerpt of the
        // mail): only the exception classes, the original topic, partition and offset travel along.
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_MSG,
                DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retryAttempts() - 1);
        backOff.setInitialInterval(properties.retryInitial().toMillis());
        backOff.setMaxInterval(properties.retryMax().toMillis());
        backOff.setMultiplier(2.0);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // A record that cannot be read will not become readable by retrying it.
        handler.addNotRetryableExceptions(DeserializationException.class, IllegalArgumentException.class);
        return handler;
    }
}
