package dk.postfordeling.routing.intake;

import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.kafka.MailListeners;
import dk.postfordeling.platform.logging.MailLogContext;
import dk.postfordeling.routing.dispatch.RoutingTasks;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes classified mail off Kafka into the durable task table. The offset is committed only after
 * the row is committed, and a redelivered record is recognised by its mail id, so every mail is
 * queued exactly once. Each poll's records are queued in one transaction (one commit instead of one
 * per mail); should that fail, they are queued one by one, so only a record that itself fails is
 * retried and, in the end, dead-lettered.
 */
@Component
class ClassifiedMailListener {

    private static final Logger log = LoggerFactory.getLogger(ClassifiedMailListener.class);

    private final RoutingTasks tasks;
    private final TransactionTemplate transactions;

    ClassifiedMailListener(RoutingTasks tasks, TransactionTemplate transactions) {
        this.tasks = tasks;
        this.transactions = transactions;
    }

    @KafkaListener(topics = Topics.Names.MAIL_CLASSIFIED, groupId = "routing-service",
            containerFactory = "mailClassifiedListenerFactory")
    void onMailsClassified(List<MailClassified> batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) == null) {
                // Unreadable (the deserialiser left its bytes in a header): the records before it are
                // committed, this one goes straight to the dead-letter topic, and from there to a person.
                throw new BatchListenerFailedException("unreadable classified mail",
                        new org.springframework.kafka.support.serializer.DeserializationException("unreadable", null, false, null), i);
            }
        }
        boolean[] queued = new boolean[batch.size()];
        try {
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < batch.size(); i++) {
                    queued[i] = tasks.enqueue(batch.get(i));
                }
            });
        } catch (RuntimeException batchFailed) {
            for (int i = 0; i < batch.size(); i++) {
                try {
                    queued[i] = tasks.enqueue(batch.get(i));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException("queueing a classified mail failed", e, i);
                }
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            MailClassified classified = batch.get(i);
            try (MailLogContext ignored = MailLogContext.open(classified.mailId())) {
                if (queued[i]) {
                    log.info("mail queued for routing decision={} label={}", classified.decision(), classified.top().label());
                } else {
                    log.info("mail already queued; redelivery ignored");
                }
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ListenerConfiguration {

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, MailClassified> mailClassifiedListenerFactory(
                KafkaProperties kafka, DefaultErrorHandler errorHandler, io.micrometer.core.instrument.MeterRegistry meters) {
            return MailListeners.forTopicInBatches(Topics.MAIL_CLASSIFIED, kafka, errorHandler, 1, meters);
        }
    }
}
