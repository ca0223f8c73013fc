package dk.postfordeling.classifier.serving;

import dk.postfordeling.classifier.ClassifierProperties;
import dk.postfordeling.classifier.decision.DecisionPolicy;
import dk.postfordeling.classifier.model.Prediction;
import dk.postfordeling.contracts.Explanation;
import dk.postfordeling.contracts.ExplainingPhrase;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailContent;
import dk.postfordeling.contracts.TextExtracted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.kafka.MailListeners;
import dk.postfordeling.platform.logging.MailLogContext;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/** Classifies every extracted mail and publishes {@code MailClassified}. */
@Component
class ClassificationWorker {

    private static final Logger log = LoggerFactory.getLogger(ClassificationWorker.class);

    private final ActiveModel model;
    private final DecisionPolicy policy;
    private final ClassifierProperties properties;
    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer predictionTime;
    private final DistributionSummary confidence;

    ClassificationWorker(ActiveModel model, ClassifierProperties properties, KafkaTemplate<String, Object> kafka, Clock clock,
            MeterRegistry meters) {
        this.model = model;
        this.policy = new DecisionPolicy(properties);
        this.properties = properties;
        this.kafka = kafka;
        this.clock = clock;
        this.meters = meters;
        // Rate of predictions per second is the rate of this timer's count.
        this.predictionTime = Timer.builder("postfordeling.classifier.prediction")
                .description("Time to predict the label of one mail, including its explanation")
                .publishPercentileHistogram().register(meters);
        this.confidence = DistributionSummary.builder("postfordeling.classifier.confidence")
                .description("Calibrated probability of the top label")
                .serviceLevelObjectives(0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99)
                .register(meters);
    }

    /**
     * Classifies each poll's mails and sends all their classifications before waiting for Kafka's
     * confirmations: one round trip to the broker per poll instead of one per mail.
     */
    @KafkaListener(topics = Topics.Names.MAIL_EXTRACTED, groupId = "classifier-service",
            containerFactory = "textExtractedListenerFactory")
    void onTextExtracted(List<TextExtracted> batch) throws InterruptedException {
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            TextExtracted mail = batch.get(i);
            try (MailLogContext ignored = MailLogContext.open(mail.mailId())) {
                sends.add(kafka.send(Topics.MAIL_CLASSIFIED.name(), mail.mailId().toString(), classify(mail)));
            } catch (RuntimeException e) {
                MailListeners.awaitSends(sends, "a classified mail");
                throw new BatchListenerFailedException("classification of an extracted mail failed", e, i);
            }
        }
        MailListeners.awaitSends(sends, "a classified mail");
    }

    private MailClassified classify(TextExtracted mail) {
        Timer.Sample started = Timer.start(meters);
        String text = MailText.of(mail, properties.attachmentChars());
        Prediction prediction = model.classifier().predict(text);
        DecisionPolicy.Outcome outcome = policy.decide(prediction, mail.status());
        started.stop(predictionTime);
        confidence.record(prediction.top().probability());
        // Tags are labels (mailbox keys) and decisions only: never anything from the mail itself.
        meters.counter("postfordeling.classifier.decisions", "decision", outcome.decision().name(),
                "label", prediction.top().label(), "model", prediction.modelVersion()).increment();
        log.info("mail classified decision={} label={} confidence={} model={} reasons={}",
                outcome.decision(), prediction.top().label(),
                // Rounded down, as everywhere a confidence is shown: 0.9996 is not "1.000".
                String.format(Locale.ROOT, "%.3f", Math.floor(prediction.top().probability() * 1000) / 1000), prediction.modelVersion(),
                outcome.reasons().stream().map(r -> r.code()).toList());
        return new MailClassified(mail.mailId(), mail.channel(), mail.originalRef(),
                prediction.topK(properties.topK()), outcome.decision(), outcome.reasons(),
                new Explanation(prediction.top().label(), prediction.phrases(), summary(prediction)),
                mail.hints(), prediction.modelVersion(), clock.instant(), content(mail, text), mail.receivedAt());
    }

    /** Most a classification carries of the mail's text, so the event stays well below Kafka's 1 MB message limit. */
    static final int MAX_CONTENT_CHARS = 100_000;

    private static MailContent content(TextExtracted mail, String text) {
        boolean truncated = text.length() > MAX_CONTENT_CHARS;
        return new MailContent(mail.subject(), truncated ? text.substring(0, MAX_CONTENT_CHARS) : text, mail.cprNumbersFound(), truncated,
                mail.language());
    }

    private static String summary(Prediction prediction) {
        if (prediction.phrases().isEmpty()) {
            return "Ingen ord i posten peger tydeligt mod en bestemt modtager.";
        }
        String words = prediction.phrases().stream().limit(3).map(ExplainingPhrase::phrase)
                .map(p -> "»" + p + "«").collect(Collectors.joining(", "));
        return "Ordene " + words + " peger mest mod " + prediction.top().label() + ".";
    }
}
