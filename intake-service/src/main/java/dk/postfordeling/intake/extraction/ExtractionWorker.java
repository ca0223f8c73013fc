package dk.postfordeling.intake.extraction;

import dk.postfordeling.contracts.MailReceived;
import dk.postfordeling.contracts.TextExtracted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.kafka.MailKafkaProperties;
import dk.postfordeling.platform.kafka.MailListeners;
import dk.postfordeling.platform.logging.MailLogContext;
import dk.postfordeling.platform.privacy.PersonalData;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Extracts the text of every received mail and publishes {@code TextExtracted}. Runs asynchronously
 * from acceptance so a slow document never delays the sender's receipt. Whatever the outcome
 * (even {@code REJECTED}) an event is published, so the mail always reaches the next step.
 */
@Component
class ExtractionWorker {

    private static final Logger log = LoggerFactory.getLogger(ExtractionWorker.class);

    private final BlobStore blobStore;
    private final MailTextExtractor extractor;
    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    private final int maxRecordBytes;

    ExtractionWorker(BlobStore blobStore, MailTextExtractor extractor, KafkaTemplate<String, Object> kafka, Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters, MailKafkaProperties kafkaLimits) {
        this.maxRecordBytes = kafkaLimits.maxRecordBytes();
        this.meters = meters;
        this.blobStore = blobStore;
        this.extractor = extractor;
        this.kafka = kafka;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.Names.MAIL_RECEIVED, groupId = "intake-service",
            containerFactory = "mailReceivedListenerFactory")
    void onMailsReceived(List<MailReceived> batch) throws InterruptedException {
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            MailReceived received = batch.get(i);
            try (MailLogContext ignored = MailLogContext.open(received.mailId())) {
                TextExtracted extracted = extract(received);
                sends.add(kafka.send(Topics.MAIL_EXTRACTED.name(), received.mailId().toString(), extracted));
                log.info("mail extracted status={} attachments={} language={} cprNumbers={} problems={}",
                        extracted.status(), extracted.attachments().size(), extracted.language(), extracted.cprNumbersFound(),
                        extracted.problems().stream().map(p -> p.code()).toList());
                // Outcomes by status and problem code (a fixed vocabulary), never by anything from the mail.
                meters.counter("postfordeling.intake.extractions", "status", extracted.status().name(),
                        "reason", extracted.problems().isEmpty() ? "none" : extracted.problems().get(0).code()).increment();
            } catch (IOException | RuntimeException e) {
                MailListeners.awaitSends(sends, "an extracted mail");
                throw new BatchListenerFailedException("extraction of a received mail failed", e, i);
            }
        }
        MailListeners.awaitSends(sends, "an extracted mail");
    }

    /** Attachment names are shown to staff and in lists: CPR numbers in them are masked (the text inside is not). */
    private static List<dk.postfordeling.contracts.AttachmentText> maskedNames(List<dk.postfordeling.contracts.AttachmentText> attachments) {
        return attachments.stream().map(a -> new dk.postfordeling.contracts.AttachmentText(PersonalData.maskCpr(a.name()),
                a.mediaType(), a.text())).toList();
    }

    private TextExtracted extract(MailReceived received) throws IOException {
        byte[] original;
        try (InputStream in = blobStore.open(received.originalRef())) {
            original = in.readAllBytes();
        }
        ExtractedText text = extractor.extract(original, received.fileName(), received.mediaType());
        return RecordBudget.fit(new TextExtracted(received.mailId(), received.channel(), received.originalRef(),
                text.subject(), text.bodyText(), maskedNames(text.attachments()), text.language(), text.status(), text.problems(),
                PersonalData.countCpr(text.allText()), text.hints() != null ? text.hints() : received.hints(),
                clock.instant(), received.receivedAt()), maxRecordBytes);
    }

}
