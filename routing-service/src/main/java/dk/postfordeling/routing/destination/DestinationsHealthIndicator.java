package dk.postfordeling.routing.destination;

import dk.postfordeling.contracts.DestinationType;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The circuit of each configured destination (ESDH systems, mail server): CLOSED, OPEN, HALF_OPEN.
 * Shown in health ({@code components.destinations}) but not part of readiness: while a destination
 * is down, mail waits safely and the service still takes in work.
 */
@Component("destinationsHealthIndicator")
class DestinationsHealthIndicator extends AbstractHealthIndicator {

    private final ResilientFiling filing;
    private final List<DestinationType> configured;

    DestinationsHealthIndicator(ResilientFiling filing, List<DestinationAdapter> adapters) {
        this.filing = filing;
        this.configured = adapters.stream().map(DestinationAdapter::type).distinct().toList();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> circuits = new TreeMap<>();
        for (DestinationType type : configured) {
            CircuitBreaker.State state = filing.state(type);
            circuits.put(filing.instanceName(type), state.name());
        }
        builder.up().withDetails(Map.copyOf(circuits));
    }
}
