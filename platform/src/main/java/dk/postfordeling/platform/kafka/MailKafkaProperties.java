package dk.postfordeling.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the pipeline's topics are created and how failed records are retried.
 *
 * @param partitions        partitions per topic; more partitions allow more instances per service
 * @param replicationFactor replicas per partition (1 locally, 3 in production)
 * @param retryInitial      first back-off before a failed record is retried
 * @param retryMax          longest back-off between retries
 * @param retryAttempts     attempts before a record goes to the dead-letter topic
 */
@ConfigurationProperties("postfordeling.kafka")
public record MailKafkaProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("200ms") Duration retryInitial,
        @DefaultValue("5s") Duration retryMax,
        @DefaultValue("4") int retryAttempts) {
}
