package dk.postfordeling.routing.metrics;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param metricsInterval how often the queue and review gauges are read from the database
 */
@Validated
@ConfigurationProperties("postfordeling.routing")
public record RoutingMetricsProperties(@NotNull @DefaultValue("PT5S") Duration metricsInterval) {
}
