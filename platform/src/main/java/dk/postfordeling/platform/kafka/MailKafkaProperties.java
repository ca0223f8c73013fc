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
 * @param maxRecordBytes    the largest record value any service writes. This one number sets the
 *                          topics' {@code max.message.bytes}, the producers' {@code max.request.size}
 *                          and the consumers' fetch sizes, and intake cuts mail text to fit below it,
 *                          so no record is ever refused for its size. The broker's default is 1 MiB.
 * @param retention         how long the topics keep records (mail text travels in them), set on the
 *                          topics when they are created
 * @param feedbackRetention how long the feedback topic keeps staff decisions with their text: the
 *                          classifier's training data for retraining
 */
@ConfigurationProperties("postfordeling.kafka")
public record MailKafkaProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("200ms") Duration retryInitial,
        @DefaultValue("5s") Duration retryMax,
        @DefaultValue("4") int retryAttempts,
        @DefaultValue("1000000") int maxRecordBytes,
        @DefaultValue("P30D") Duration retention,
        @DefaultValue("P365D") Duration feedbackRetention) {

    /** Room for a record's headers, key and the batch framing around its value. */
    public static final int RECORD_OVERHEAD_BYTES = 64 * 1024;

    /** The size limit a topic, a producer request and a consumer fetch are given. */
    public int transportLimitBytes() {
        return maxRecordBytes + RECORD_OVERHEAD_BYTES;
    }
}
