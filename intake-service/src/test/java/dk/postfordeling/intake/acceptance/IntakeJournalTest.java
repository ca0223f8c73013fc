package dk.postfordeling.intake.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.MailReceived;
import dk.postfordeling.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two intake instances share one journal in PostgreSQL: the same original received by both at the
 * same moment is accepted by exactly one, and pending arrivals are published by one at a time.
 * Each instance has its own connection pool, as two processes would.
 */
class IntakeJournalTest {

    private final List<HikariDataSource> pools = new ArrayList<>();
    private IntakeJournal one;
    private IntakeJournal two;

    @BeforeEach
    void twoInstancesOnOneSchema() {
        String schema = "intake_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        one = new IntakeJournal(JdbcClient.create(pool(schema)));
        two = new IntakeJournal(JdbcClient.create(pool(schema)));
        Flyway.configure().dataSource(pools.get(0)).schemas(schema).load().migrate();
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void theSameOriginalReceivedByTwoInstancesAtOnceIsAcceptedOnce() throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(4);
        try {
            for (int mail = 0; mail < 50; mail++) {
                MailReceived received = arrival();
                List<Future<Boolean>> claims = both.invokeAll(List.<Callable<Boolean>>of(
                        () -> one.claim(received), () -> two.claim(received), () -> one.claim(received), () -> two.claim(received)));
                int accepted = 0;
                for (Future<Boolean> claim : claims) {
                    accepted += claim.get() ? 1 : 0;
                }
                assertThat(accepted).as("mail %d", mail).isEqualTo(1);
            }
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    void aPendingArrivalIsLeasedToOneInstanceAtATime() {
        Set<MailId> arrivals = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            MailReceived received = arrival();
            one.claim(received);
            arrivals.add(received.mailId());
        }

        List<MailReceived> first = one.leasePending(6, Duration.ofMinutes(1));
        List<MailReceived> second = two.leasePending(10, Duration.ofMinutes(1));

        assertThat(first).hasSize(6);
        assertThat(second).hasSize(4);
        Set<MailId> leased = new HashSet<>();
        first.forEach(r -> leased.add(r.mailId()));
        second.forEach(r -> assertThat(leased.add(r.mailId())).as("leased twice: %s", r.mailId()).isTrue());
        assertThat(leased).isEqualTo(arrivals);
        assertThat(two.leasePending(first.get(0).mailId(), Duration.ofMinutes(1))).as("still the first's").isEmpty();
    }

    @Test
    void aLeaseThatEndsLetsAnotherInstancePublishAndPublishedIsForgottenOnlyWhenAsked() throws Exception {
        MailReceived received = arrival();
        one.claim(received);
        assertThat(one.leasePending(10, Duration.ofMillis(200))).hasSize(1);
        assertThat(two.leasePending(received.mailId(), Duration.ofMinutes(1))).as("while the first holds it").isEmpty();

        // The first instance died: once its lease ends, the second takes the arrival.
        await().atMost(Duration.ofSeconds(5)).until(() -> two.leasePending(received.mailId(), Duration.ofMinutes(1)).isPresent());
        two.markPublished(received.mailId());

        assertThat(one.published(received.mailId())).contains(received);
        assertThat(one.leasePending(10, Duration.ofMinutes(1))).isEmpty();
        assertThat(two.claim(received)).as("a duplicate while remembered").isFalse();
        assertThat(one.publishedBefore(Instant.now().plusSeconds(1), null, 10)).extracting(p -> p.received().mailId())
                .contains(received.mailId());
        one.forget(received.mailId());
        assertThat(two.claim(received)).as("a new mail once its original is gone").isTrue();
    }

    @Test
    void retentionPagesThroughEveryPublishedArrival() {
        Set<MailId> published = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            MailReceived received = arrival();
            one.claim(received);
            one.markPublished(received.mailId());
            published.add(received.mailId());
        }

        Set<MailId> seen = new HashSet<>();
        IntakeJournal.Published after = null;
        List<IntakeJournal.Published> page;
        do {
            page = two.publishedBefore(Instant.now().plusSeconds(1), after, 2);
            for (IntakeJournal.Published arrival : page) {
                assertThat(seen.add(arrival.received().mailId())).as("listed twice").isTrue();
                after = arrival;
            }
        } while (page.size() == 2);

        assertThat(seen).isEqualTo(published);
    }

    private HikariDataSource pool(String schema) {
        TestPostgres.Server db = TestPostgres.get();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(db.jdbcUrl());
        pool.setUsername(db.username());
        pool.setPassword(db.password());
        pool.setSchema(schema);
        pool.setMaximumPoolSize(4);
        pools.add(pool);
        return pool;
    }

    private static MailReceived arrival() {
        String sha = UUID.randomUUID().toString().replace("-", "").repeat(2);
        return new MailReceived(MailId.forContent(sha), Channel.UPLOAD, Instant.parse("2026-12-07T10:00:00Z"), "blob:sha256:" + sha,
                "message/rfc822", 100, sha, "brev.eml", null);
    }
}
