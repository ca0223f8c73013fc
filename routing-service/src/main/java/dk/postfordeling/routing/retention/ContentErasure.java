package dk.postfordeling.routing.retention;

import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.StoredBlob;
import dk.postfordeling.routing.dispatch.RoutingTasks;
import dk.postfordeling.contracts.MailErased;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.routing.outbox.Outbox;
import dk.postfordeling.routing.review.AuditLog;
import dk.postfordeling.routing.review.ReviewItems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a mail's content from everything routing keeps — the text and explanation in its task, the
 * explanation in its review item, its outbox events — and its original from the blob store, and
 * announces it ({@code MailErased}) so intake drops its record of the mail too; it keeps
 * ids, labels, the outcome and the audit trail. It happens to every mail {@code content-after} its
 * filing or a person's decision, and at once when an administrator erases one mail (a data subject's
 * request, or mail sent to the wrong authority). Each erasure is an audit row ({@code ERASE}), so the
 * transparency page can say so. Kafka's copies end with the topics' retention.
 */
@Component
public class ContentErasure implements SchedulingConfigurer {

    /** Why a mail's content was erased, as the audit row and the transparency page say it. */
    public enum Reason { RETENTION, REQUEST }

    private static final Logger log = LoggerFactory.getLogger(ContentErasure.class);
    private static final int BATCH = 200;
    static final String SYSTEM = "system";

    private final RoutingTasks tasks;
    private final ReviewItems reviewItems;
    private final Outbox outbox;
    private final AuditLog audit;
    private final BlobStore blobStore;
    private final TransactionTemplate transactions;
    private final ContentRetentionProperties properties;
    private final Clock clock;

    ContentErasure(RoutingTasks tasks, ReviewItems reviewItems, Outbox outbox, AuditLog audit, BlobStore blobStore,
            TransactionTemplate transactions, ContentRetentionProperties properties, Clock clock) {
        this.tasks = tasks;
        this.reviewItems = reviewItems;
        this.outbox = outbox;
        this.audit = audit;
        this.blobStore = blobStore;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::eraseDue, properties.checkInterval());
    }

    /** Erases the content of one mail now; returns whether routing knew the mail. */
    public boolean erase(UUID mailId, String actor, Reason reason) {
        return Boolean.TRUE.equals(transactions.execute(status -> eraseOne(mailId, actor, reason)));
    }

    /** Erases every mail whose retention has passed, a batch per transaction. Returns how many. */
    public int eraseDue() {
        int erased = 0;
        try {
            Instant before = clock.instant().minus(properties.contentAfter());
            Integer batch;
            do {
                batch = transactions.execute(status -> {
                    List<UUID> due = tasks.contentDueForErasure(before, BATCH);
                    due.forEach(id -> eraseOne(id, SYSTEM, Reason.RETENTION));
                    return due.size();
                });
                erased += batch == null ? 0 : batch;
            } while (batch != null && batch == BATCH);
            transactions.executeWithoutResult(status -> outbox.deletePublishedBefore(before));
        } catch (RuntimeException e) {
            log.warn("content retention paused: {}", e.getClass().getSimpleName());
        }
        if (erased > 0) {
            log.info("content of {} mails erased at the end of their retention period", erased);
        }
        return erased;
    }

    private boolean eraseOne(UUID mailId, String actor, Reason reason) {
        Optional<MailClassified> classified = tasks.classified(mailId);
        if (classified.isEmpty()) {
            return false;
        }
        tasks.eraseContent(mailId, clock.instant());
        reviewItems.eraseExplanation(mailId);
        outbox.deleteAllFor(mailId.toString());
        String original = classified.get().originalRef();
        // Intake (and any later reader) drops its own record of the mail on hearing this.
        outbox.append(Topics.MAIL_ERASED, mailId.toString(),
                new MailErased(new MailId(mailId), original, reason.name(), clock.instant()));
        audit.record(actor, "ERASE", mailId, Map.of("reason", reason.name()));
        // Last: should the store fail, the transaction rolls back and the next round tries again.
        // A mail that failed before intake stored it has no original to erase.
        if (StoredBlob.isReference(original)) {
            try {
                blobStore.delete(original);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return true;
    }
}
