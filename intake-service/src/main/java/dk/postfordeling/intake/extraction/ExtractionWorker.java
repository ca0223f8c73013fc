package dk.postfordeling.intake.extraction;

import dk.postfordeling.contracts.MailReceived;
import dk.postfordeling.contracts.TextExtracted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.logging.MailLogContext;
import dk.postfordeling.platform.privacy.PersonalData;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
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

    ExtractionWorker(BlobStore blobStore, MailTextExtractor extractor, KafkaTemplate<String, Object> kafka, Clock clock) {
        this.blobStore = blobStore;
        this.extractor = extractor;
        this.kafka = kafka;
        this.clock = clock;
    }

    @KafkaListener(topics = "mail.received.v1", groupId = "intake-service",
            containerFactory = "mailReceivedListenerFactory")
    void onMailReceived(MailReceived received) throws IOException, ExecutionException, InterruptedException {
        try (MailLogContext ignored = MailLogContext.open(received.mailId())) {
            byte[] original;
            try (InputStream in = blobStore.open(received.originalRef())) {
                original = in.readAllBytes();
            }
            ExtractedText text = extractor.extract(original, received.fileName());
            TextExtracted extracted = new TextExtracted(received.mailId(), received.channel(), received.originalRef(),
                    text.subject(), text.bodyText(), text.attachments(), text.language(), text.status(), text.problems(),
                    PersonalData.countCpr(text.allText()), text.hints() != null ? text.hints() : received.hints(),
                    clock.instant());
            kafka.send(Topics.MAIL_EXTRACTED.name(), received.mailId().toString(), extracted).get();
            log.info("mail extracted status={} attachments={} language={} cprNumbers={} problems={}",
                    text.status(), text.attachments().size(), text.language(), extracted.cprNumbersFound(),
                    text.problems().stream().map(p -> p.code()).toList());
        }
    }
}
