package dk.postfordeling.intake.acceptance;

import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.MailReceived;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.StoredBlob;
import dk.postfordeling.platform.logging.MailLogContext;
import dk.postfordeling.platform.privacy.PersonalData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Clock;
import java.util.Optional;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Accepts a mail from any channel (claim check): the original is stored durably, its arrival is
 * journalled, and only then is the channel told it was accepted. Publishing to Kafka follows from
 * the journal, so an accepted mail survives a crash or a Kafka outage. The mail id comes from the
 * content, so the same original sent twice is one mail.
 */
@Service
public class MailAcceptance {

    private static final Logger log = LoggerFactory.getLogger(MailAcceptance.class);
    /**
     * Content up to this size is detected whole (exactly, zip containers included); of larger
     * content the head is enough for most types, and extraction looks again at generic containers.
     */
    private static final int DETECTION_BYTES = 1024 * 1024;

    private final BlobStore blobStore;
    private final IntakeJournal journal;
    private final JournalRelay relay;
    private final Detector detector;
    private final Clock clock;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    public MailAcceptance(BlobStore blobStore, IntakeJournal journal, JournalRelay relay, Detector detector, Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.blobStore = blobStore;
        this.journal = journal;
        this.relay = relay;
        this.detector = detector;
        this.clock = clock;
    }

    public AcceptedMail accept(InboundMail mail) throws IOException {
        // Keep the head (for small mail: all of it) for detection while the whole is stored. The head
        // is read into an array of its own size: a fixed 1 MB buffer per mail had been most of what
        // intake allocated.
        InputStream content = mail.content();
        byte[] head = content.readNBytes(DETECTION_BYTES);
        StoredBlob stored = blobStore.put(new SequenceInputStream(new ByteArrayInputStream(head), content));
        MailId mailId = MailId.forContent(stored.sha256());
        try (MailLogContext ignored = MailLogContext.open(mailId)) {
            MailReceived received = new MailReceived(mailId, mail.channel(), clock.instant(), stored.uri(),
                    detectMediaType(head, mail.fileName()), stored.sizeBytes(), stored.sha256(),
                    PersonalData.maskCpr(mail.fileName()), mail.hints());
            if (!journal.claim(received)) {
                log.info("mail received again channel={}; it is the same mail", mail.channel());
                received(mail, "duplicate");
                return new AcceptedMail(received, true);
            }
            relay.publishSoon(mailId);
            received(mail, "accepted");
            log.info("mail received channel={} mediaType={} sizeBytes={}", mail.channel(), received.mediaType(),
                    stored.sizeBytes());
            return new AcceptedMail(received, false);
        }
    }

    /** Mails in, per channel; tags are the channel and the result only, never anything from the mail. */
    private void received(InboundMail mail, String result) {
        meters.counter("postfordeling.intake.mails", "channel", mail.channel().name(), "result", result).increment();
    }

    private String detectMediaType(byte[] head, String fileName) throws IOException {
        Optional<String> quick = QuickDetector.detect(head);
        if (quick.isPresent()) {
            return quick.get();
        }
        Metadata metadata = new Metadata();
        if (fileName != null && !fileName.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (TikaInputStream tis = TikaInputStream.get(head)) {
            return detector.detect(tis, metadata).getBaseType().toString();
        }
    }
}
