package dk.postfordeling.intake.acceptance;

import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.MailReceived;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.intake.IntakeProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes journalled arrivals to Kafka and marks them published once Kafka confirmed them. On
 * start it publishes whatever a previous run accepted but did not get confirmed; while Kafka is
 * unreachable it keeps the arrivals and retries, so uploads are still accepted.
 */
@Component
public class JournalRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JournalRelay.class);
    private static final int BATCH = 500;
    private static final long RESCAN_MILLIS = 5_000;

    private final IntakeJournal journal;
    private final KafkaTemplate<String, Object> kafka;
    private final IntakeProperties properties;
    private final LinkedBlockingQueue<MailId> wakeUps = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    public JournalRelay(IntakeJournal journal, KafkaTemplate<String, Object> kafka, IntakeProperties properties) {
        this.journal = journal;
        this.kafka = kafka;
        this.properties = properties;
    }

    /** Asks the relay to publish this arrival soon. */
    public void publishSoon(MailId mailId) {
        wakeUps.add(mailId);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "intake-journal-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(properties.publishTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        boolean rescan = true;
        long lastScan = 0;
        while (running) {
            try {
                List<MailReceived> batch = new ArrayList<>();
                if (rescan || System.currentTimeMillis() - lastScan > RESCAN_MILLIS) {
                    wakeUps.clear();
                    batch.addAll(journal.leasePending(BATCH, lease()));
                    lastScan = System.currentTimeMillis();
                    if (!batch.isEmpty()) {
                        log.info("publishing {} accepted mails not yet confirmed by Kafka", batch.size());
                    }
                } else {
                    MailId first = wakeUps.poll(500, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    Set<MailId> ids = new LinkedHashSet<>();
                    ids.add(first);
                    wakeUps.drainTo(ids, BATCH - 1);
                    for (MailId id : ids) {
                        journal.leasePending(id, lease()).ifPresent(batch::add);
                    }
                }
                rescan = !publish(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("journal relay failed ({}); retrying", e.getClass().getSimpleName());
                rescan = true;
                pause();
            }
        }
    }

    /** How long a batch is this instance's to publish: long enough for Kafka to confirm it. */
    private Duration lease() {
        return properties.publishTimeout().multipliedBy(3);
    }

    /** Publishes a batch; returns whether every arrival in it was confirmed. */
    private boolean publish(List<MailReceived> batch) throws Exception {
        List<CompletableFuture<SendResult<String, Object>>> sends = new ArrayList<>(batch.size());
        for (MailReceived received : batch) {
            sends.add(kafka.send(Topics.MAIL_RECEIVED.name(), received.mailId().toString(), received));
        }
        boolean all = true;
        for (int i = 0; i < batch.size(); i++) {
            Optional<Exception> failure = await(sends.get(i));
            if (failure.isEmpty()) {
                journal.markPublished(batch.get(i).mailId());
            } else {
                all = false;
            }
        }
        if (!all) {
            log.warn("Kafka did not confirm every accepted mail; they stay journalled and are retried");
            pause();
        }
        return all;
    }

    private Optional<Exception> await(CompletableFuture<SendResult<String, Object>> send) throws InterruptedException {
        try {
            send.get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return Optional.of(e);
        }
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
