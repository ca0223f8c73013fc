package dk.postfordeling.intake.acceptance;

import dk.postfordeling.contracts.MailReceived;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.intake.IntakeProperties;
import dk.postfordeling.intake.extraction.LanguageGuesser;
import dk.postfordeling.intake.extraction.MailTextExtractor;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.BlobStoreProperties;
import dk.postfordeling.platform.blob.BlobStores;
import dk.postfordeling.platform.kafka.MailListeners;
import java.io.IOException;
import java.time.Clock;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobStoreProperties.class)
class IntakeConfiguration {

    /** Originals in the configured directory (local mode) or bucket (see {@link BlobStoreProperties}). */
    @Bean
    BlobStore blobStore(IntakeProperties properties, BlobStoreProperties store) throws IOException {
        return BlobStores.create(store, properties.blobStoreDir());
    }

    @Bean
    IntakeJournal intakeJournal(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        return new IntakeJournal(jdbc);
    }

    @Bean
    TikaConfig tikaConfig() {
        return TikaConfig.getDefaultConfig();
    }

    @Bean
    Detector detector(TikaConfig tika) {
        return tika.getDetector();
    }

    @Bean
    MailTextExtractor mailTextExtractor(TikaConfig tika, LanguageGuesser languages, IntakeProperties properties) {
        return new MailTextExtractor(tika, languages, properties.limits(), properties.ocr());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, MailReceived> mailReceivedListenerFactory(
            KafkaProperties kafka, DefaultErrorHandler errorHandler, io.micrometer.core.instrument.MeterRegistry meters) {
        return MailListeners.forTopicInBatches(Topics.MAIL_RECEIVED, kafka, errorHandler, 2, meters);
    }
}
