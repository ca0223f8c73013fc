package dk.postfordeling.intake.acceptance;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.MailReceived;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.intake.IntakeProperties;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.StoredBlob;
import dk.postfordeling.platform.logging.MailLogContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Accepts a mail from any channel (claim check): the original is stored durably first, then its
 * arrival is published and confirmed by Kafka, and only then is the sender told it was accepted.
 * A failure at any step fails the acceptance, so the sender retries; because the mail id comes from
 * the content, a retry is the same mail.
 */
@Service
public class MailAcceptance {

    private static final Logger log = LoggerFactory.getLogger(MailAcceptance.class);

    private final BlobStore blobStore;
    private final KafkaTemplate<String, Object> kafka;
    private final Detector detector;
    private final IntakeProperties properties;
    private final Clock clock;

    public MailAcceptance(BlobStore blobStore, KafkaTemplate<String, Object> kafka, Detector detector,
            IntakeProperties properties, Clock clock) {
        this.blobStore = blobStore;
        this.kafka = kafka;
        this.detector = detector;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores and announces one mail.
     *
     * @param content  the original bytes
     * @param channel  how it arrived
     * @param fileName the name the sender gave it, used only to help detect the format
     */
    public AcceptedMail accept(InputStream content, Channel channel, String fileName) throws IOException {
        StoredBlob stored = blobStore.put(content);
        MailId mailId = MailId.forContent(stored.sha256());
        try (MailLogContext ignored = MailLogContext.open(mailId)) {
            MailReceived received = new MailReceived(mailId, channel, clock.instant(), stored.uri(),
                    detectMediaType(stored, fileName), stored.sizeBytes(), stored.sha256());
            publish(received);
            log.info("mail received channel={} mediaType={} sizeBytes={}", channel, received.mediaType(), stored.sizeBytes());
            return new AcceptedMail(received);
        }
    }

    private void publish(MailReceived received) throws IOException {
        try {
            kafka.send(Topics.MAIL_RECEIVED.name(), received.mailId().toString(), received)
                    .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("Kafka did not confirm the mail within " + properties.publishTimeout(), e);
        }
    }

    private String detectMediaType(StoredBlob stored, String fileName) throws IOException {
        Metadata metadata = new Metadata();
        if (fileName != null && !fileName.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (InputStream in = blobStore.open(stored.uri()); TikaInputStream tis = TikaInputStream.get(in)) {
            return detector.detect(tis, metadata).getBaseType().toString();
        }
    }
}
