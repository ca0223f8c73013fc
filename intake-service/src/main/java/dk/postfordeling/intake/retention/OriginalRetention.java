package dk.postfordeling.intake.retention;

import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.MailReceived;
import dk.postfordeling.contracts.MailRouted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.intake.IntakeProperties;
import dk.postfordeling.intake.acceptance.IntakeJournal;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.kafka.MailListeners;
import dk.postfordeling.platform.logging.MailLogContext;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes the stored original of a mail a configurable time after it was delivered
 * ({@code MailRouted}). Due deletions are kept as files ({@code <journal>/retention/<due>-<mailId>})
 * so they survive restarts. Intake owns the blob store, so intake deletes from it.
 */
@Component
@ConditionalOnProperty(name = "postfordeling.intake.retention.enabled", havingValue = "true", matchIfMissing = true)
class OriginalRetention implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OriginalRetention.class);

    private final RetentionProperties properties;
    private final IntakeJournal journal;
    private final BlobStore blobStore;
    private final Clock clock;
    private final Path schedule;

    OriginalRetention(RetentionProperties properties, IntakeProperties intake, IntakeJournal journal, BlobStore blobStore,
            Clock clock) throws IOException {
        this.properties = properties;
        this.journal = journal;
        this.blobStore = blobStore;
        this.clock = clock;
        this.schedule = Files.createDirectories(intake.journalDir().resolve("retention"));
    }

    @KafkaListener(topics = Topics.Names.MAIL_ROUTED, groupId = "intake-service-retention", containerFactory = "mailRoutedListenerFactory")
    void onMailRouted(MailRouted routed) throws IOException {
        long due = routed.routedAt().plus(properties.afterRouting()).toEpochMilli();
        try {
            Files.createFile(schedule.resolve(due + "-" + routed.mailId()));
        } catch (FileAlreadyExistsException alreadyScheduled) {
            // Redelivered event: already scheduled.
        }
    }

    /** Deletes what is due every {@code check-interval}, from five seconds after start. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::deleteDueOriginals, properties.checkInterval(), Duration.ofSeconds(5)));
    }

    void deleteDueOriginals() {
        long now = clock.millis();
        List<Path> due;
        try (Stream<Path> entries = Files.list(schedule)) {
            due = entries.filter(entry -> dueAt(entry) <= now).toList();
        } catch (IOException e) {
            log.warn("retention check failed: {}", e.getClass().getSimpleName());
            return;
        }
        for (Path entry : due) {
            String name = entry.getFileName().toString();
            MailId mailId = MailId.of(name.substring(name.indexOf('-') + 1));
            try (MailLogContext ignored = MailLogContext.open(mailId)) {
                Optional<MailReceived> received = journal.published(mailId);
                if (received.isPresent()) {
                    blobStore.delete(received.get().originalRef());
                    journal.forget(mailId);
                    log.info("original deleted after retention period {}", properties.afterRouting());
                }
                Files.deleteIfExists(entry);
            } catch (IOException | RuntimeException e) {
                log.warn("could not delete original after retention: {}", e.getClass().getSimpleName());
            }
        }
        forgetArrivalsWithoutOriginal();
    }

    /**
     * The journal's record of a mail never filed (a person closed it, or its content was erased) ends
     * once its original is gone and the retention period has passed: routing erases such originals.
     */
    private void forgetArrivalsWithoutOriginal() {
        try {
            for (MailReceived arrival : journal.publishedBefore(clock.instant().minus(properties.afterRouting()))) {
                if (!blobStore.exists(arrival.originalRef())) {
                    journal.forget(arrival.mailId());
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("retention of the journal failed: {}", e.getClass().getSimpleName());
        }
    }

    private static long dueAt(Path entry) {
        String name = entry.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.indexOf('-')));
        } catch (RuntimeException notAnEntry) {
            return Long.MAX_VALUE;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ListenerConfiguration {

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, MailRouted> mailRoutedListenerFactory(
                KafkaProperties kafka, DefaultErrorHandler errorHandler, io.micrometer.core.instrument.MeterRegistry meters) {
            return MailListeners.forTopic(Topics.MAIL_ROUTED, kafka, errorHandler, 1, meters);
        }
    }
}
