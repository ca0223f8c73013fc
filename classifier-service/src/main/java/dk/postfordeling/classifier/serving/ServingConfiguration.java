package dk.postfordeling.classifier.serving;

import dk.postfordeling.contracts.TextExtracted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.kafka.MailListeners;
import java.time.Clock;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
class ServingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, TextExtracted> textExtractedListenerFactory(
            KafkaProperties kafka, DefaultErrorHandler errorHandler, io.micrometer.core.instrument.MeterRegistry meters) {
        return MailListeners.forTopicInBatches(Topics.MAIL_EXTRACTED, kafka, errorHandler, 1, meters);
    }
}
