package dk.postfordeling.intake.acceptance;

import dk.postfordeling.contracts.MailReceived;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.intake.IntakeProperties;
import dk.postfordeling.intake.extraction.LanguageGuesser;
import dk.postfordeling.intake.extraction.MailTextExtractor;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.FileSystemBlobStore;
import dk.postfordeling.platform.kafka.MailListeners;
import java.io.IOException;
import java.time.Clock;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    BlobStore blobStore(IntakeProperties properties) throws IOException {
        return new FileSystemBlobStore(properties.blobStoreDir());
    }

    @Bean
    IntakeJournal intakeJournal(IntakeProperties properties) throws IOException {
        return new IntakeJournal(properties.journalDir());
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
