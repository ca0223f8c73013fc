package dk.postfordeling.intake.retention;

import dk.postfordeling.contracts.MailErased;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.MailReceived;
import dk.postfordeling.contracts.MailRouted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.intake.acceptance.IntakeJournal;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.StoredBlob;
import dk.postfordeling.platform.kafka.MailListeners;
import dk.postfordeling.platform.logging.MailLogContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * ({@code MailRouted}). Due deletions are rows in intake's schema, so they survive restarts and any
 * instance carries them out — the one that heard of the delivery or another (rows are taken with
 * {@code SKIP LOCKED}). When routing erases a mail ({@code MailErased}), its record and original go
 * at once. The only writer of {@code retention}.
 */
@Component
@ConditionalOnProperty(name = "postfordeling.intake.retention.enabled", havingValue = "true", matchIfMissing = true)
class OriginalRetention implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OriginalRetention.class);
    private static final int BATCH = 200;

    private final RetentionProperties properties;
    private final IntakeJournal journal;
    private final BlobStore blobStore;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OriginalRetention(RetentionProperties properties, IntakeJournal journal, BlobStore blobStore, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.journal = journal;
        this.blobStore = blobStore;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.Names.MAIL_ROUTED, groupId = "intake-service-retention", containerFactory = "mailRoutedListenerFactory")
    void onMailRouted(MailRouted routed) {
        // A redelivered event finds its row there already.
        jdbc.sql("insert into retention (mail_id, due_at) values (:id, :due) on conflict (mail_id) do nothing")
                .param("id", routed.mailId().value())
                .param("due", Timestamp.from(routed.routedAt().plus(properties.afterRouting())))
                .update();
    }

    /**
     * Routing erased the mail's content (its retention ended, or an administrator erased it): the
     * journal's record (file name, Digital Post labels) and the original go now, not at the end of
     * intake's own period. The original is usually gone already — routing deletes it from the same
     * store — so deleting it again is the rule for a store of intake's own.
     */
    @KafkaListener(topics = Topics.Names.MAIL_ERASED, groupId = "intake-service-erasure", containerFactory = "mailErasedListenerFactory")
    void onMailErased(MailErased erased) {
        try (MailLogContext ignored = MailLogContext.open(erased.mailId())) {
            if (StoredBlob.isReference(erased.originalRef())) {
                blobStore.delete(erased.originalRef());
            }
            transactions.executeWithoutResult(status -> {
                journal.forget(erased.mailId());
                unschedule(erased.mailId().value());
            });
            log.info("journal record and original dropped: routing erased the mail ({})", erased.reason());
        } catch (IOException e) {
            // Retried by the listener's error handler, then dead-lettered (and listed for ops).
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes what is due every {@code check-interval}, from five seconds after start. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::deleteDueOriginals, properties.checkInterval(), Duration.ofSeconds(5)));
    }

    void deleteDueOriginals() {
        try {
            Integer deleted;
            do {
                deleted = transactions.execute(status -> deleteDueBatch());
            } while (deleted != null && deleted == BATCH);
        } catch (RuntimeException e) {
            log.warn("retention check failed: {}", e.getClass().getSimpleName());
        }
        forgetArrivalsWithoutOriginal();
    }

    private int deleteDueBatch() {
        List<UUID> due = jdbc.sql("select mail_id from retention where due_at <= :now order by due_at limit :limit for update skip locked")
                .param("now", Timestamp.from(clock.instant())).param("limit", BATCH).query(UUID.class).list();
        for (UUID id : due) {
            MailId mailId = new MailId(id);
            try (MailLogContext ignored = MailLogContext.open(mailId)) {
                Optional<MailReceived> received = journal.published(mailId);
                if (received.isPresent()) {
                    blobStore.delete(received.get().originalRef());
                    journal.forget(mailId);
                    log.info("original deleted after retention period {}", properties.afterRouting());
                }
            } catch (IOException e) {
                // The store did not answer: the row stays, and the next round tries again.
                throw new UncheckedIOException(e);
            }
            unschedule(id);
        }
        return due.size();
    }

    private void unschedule(UUID mailId) {
        jdbc.sql("delete from retention where mail_id = :id").param("id", mailId).update();
    }

    /**
     * The journal's record of a mail never filed (a person closed it, or its content was erased) ends
     * once its original is gone and the retention period has passed: routing erases such originals.
     */
    private void forgetArrivalsWithoutOriginal() {
        try {
            Instant before = clock.instant().minus(properties.afterRouting());
            List<IntakeJournal.Published> page;
            IntakeJournal.Published after = null;
            // Page by time (and id), so arrivals whose originals are still kept never hide the ones after them.
            do {
                page = journal.publishedBefore(before, after, BATCH);
                for (IntakeJournal.Published arrival : page) {
                    if (!blobStore.exists(arrival.received().originalRef())) {
                        journal.forget(arrival.received().mailId());
                    }
                    after = arrival;
                }
            } while (page.size() == BATCH);
        } catch (RuntimeException e) {
            log.warn("retention of the journal failed: {}", e.getClass().getSimpleName());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ListenerConfiguration {

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, MailRouted> mailRoutedListenerFactory(
                KafkaProperties kafka, DefaultErrorHandler errorHandler, io.micrometer.core.instrument.MeterRegistry meters) {
            return MailListeners.forTopic(Topics.MAIL_ROUTED, kafka, errorHandler, 1, meters);
        }

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, MailErased> mailErasedListenerFactory(
                KafkaProperties kafka, DefaultErrorHandler errorHandler, io.micrometer.core.instrument.MeterRegistry meters) {
            return MailListeners.forTopic(Topics.MAIL_ERASED, kafka, errorHandler, 1, meters);
        }
    }
}
