package dk.postfordeling.routing.destination;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.table.DestinationKinds;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Resilience4j around every outbound call, one set of instances per kind of destination (named by
 * the kind: {@code f2}, {@code sbsys}, {@code getorganized}, {@code mailbox}; configured under
 * {@code resilience4j.*.instances.<name>}): a bulkhead limits concurrent calls, a circuit breaker
 * stops calling a system that keeps failing, and a retry with exponential back-off and jitter
 * repeats transient failures. {@link FilingException.Rejected} is neither retried nor counted as
 * the system's failure.
 */
@Component
public class ResilientFiling {

    private final CircuitBreakerRegistry circuitBreakers;
    private final RetryRegistry retries;
    private final BulkheadRegistry bulkheads;

    private final DestinationKinds kinds;

    public ResilientFiling(CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, BulkheadRegistry bulkheads,
            DestinationKinds kinds) {
        this.kinds = kinds;
        this.circuitBreakers = circuitBreakers;
        this.retries = retries;
        this.bulkheads = bulkheads;
    }

    /** The name of the kind's Resilience4j instances, as its {@link DestinationKinds kind} declares it. */
    public String instanceName(DestinationType type) {
        return kinds.instanceName(type);
    }

    /**
     * Runs the call under the destination's bulkhead, circuit breaker and retry.
     *
     * @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException while the circuit is open
     * @throws io.github.resilience4j.bulkhead.BulkheadFullException          while the bulkhead is full
     */
    public String call(DestinationType type, Supplier<String> call) {
        String name = instanceName(type);
        Bulkhead bulkhead = bulkheads.bulkhead(name);
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(name);
        Retry retry = retries.retry(name);
        Supplier<String> decorated = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(circuitBreaker, Bulkhead.decorateSupplier(bulkhead, call)));
        return decorated.get();
    }

    /** How long an open circuit waits before letting a trial call through. */
    public Duration openWait(DestinationType type) {
        return Duration.ofMillis(circuitBreakers.circuitBreaker(instanceName(type)).getCircuitBreakerConfig()
                .getWaitIntervalFunctionInOpenState().apply(1));
    }

    public CircuitBreaker.State state(DestinationType type) {
        return circuitBreakers.circuitBreaker(instanceName(type)).getState();
    }
}
