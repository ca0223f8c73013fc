package dk.postfordeling.routing.destination;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.Explanation;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.RoutingHints;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import dk.postfordeling.routing.table.Kinds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Shared parts of the adapter tests: the service's Resilience4j decorators with test-sized windows, a mail, checkpoints. */
public final class TestFiling {

    private TestFiling() {
    }

    /** Circuit: opens at half of 4 calls failing, 300 ms open; retry: 3 attempts, exponential random back-off from 20 ms. */
    public static ResilientFiling resilience() {
        return new ResilientFiling(
                CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                        .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofMillis(300))
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .recordExceptions(FilingException.Unavailable.class)
                        .ignoreExceptions(FilingException.Rejected.class).build()),
                RetryRegistry.of(RetryConfig.custom().maxAttempts(3)
                        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(20), 2, 0.5))
                        .retryExceptions(FilingException.Unavailable.class).build()),
                BulkheadRegistry.ofDefaults(), Kinds.all());
    }

    public static MailClassified mail(String label) {
        return new MailClassified(new MailId(UUID.fromString("6f1c2d3e-0000-4000-8000-000000000042")), Channel.DIGITAL_POST,
                "blob:sha256:abc", List.of(new LabelScore(label, 0.98)), Decision.ROUTE,
                List.of(new DecisionReason("CONFIDENT", "Sikker.")), new Explanation(label, List.of(), "Test."),
                new RoutingHints("02.34.02", null, "CPR", "Ansøgning om byggetilladelse"), "m-1", Instant.parse("2026-11-23T07:59:00Z"));
    }

    /** Checkpoints in memory; the database-backed ones are exercised by the dispatcher tests. */
    public static class MemoryCheckpoints implements Checkpoints {
        public final Map<String, String> saved = new HashMap<>();

        @Override
        public Optional<String> get(String name) {
            return Optional.ofNullable(saved.get(name));
        }

        @Override
        public void save(String name, String value) {
            saved.put(name, value);
        }
    }
}
