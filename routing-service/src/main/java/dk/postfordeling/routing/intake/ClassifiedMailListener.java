package dk.postfordeling.routing.intake;

import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.kafka.MailListeners;
import dk.postfordeling.platform.logging.MailLogContext;
import dk.postfordeling.routing.dispatch.RoutingTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;

/**
 * Takes classified mail off Kafka into the durable task table. The offset is committed only after
 * the row is committed, and a redelivered record is recognised by its mail id, so every mail is
 * queued exactly once.
 */
@Component
class ClassifiedMailListener {

    private static final Logger log = LoggerFactory.getLogger(ClassifiedMailListener.class);

    private final RoutingTasks tasks;

    ClassifiedMailListener(RoutingTasks tasks) {
        this.tasks = tasks;
    }

    @KafkaListener(topics = "mail.classified.v1", groupId = "routing-service",
            containerFactory = "mailClassifiedListenerFactory")
    void onMailClassified(MailClassified classified) {
        try (MailLogContext ignored = MailLogContext.open(classified.mailId())) {
            if (tasks.enqueue(classified)) {
                log.info("mail queued for routing decision={} label={}", classified.decision(), classified.top().label());
            } else {
                log.info("mail already queued; redelivery ignored");
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ListenerConfiguration {

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, MailClassified> mailClassifiedListenerFactory(
                KafkaProperties kafka, DefaultErrorHandler errorHandler, io.micrometer.core.instrument.MeterRegistry meters) {
            return MailListeners.forTopic(Topics.MAIL_CLASSIFIED, kafka, errorHandler, 1, meters);
        }
    }
}
