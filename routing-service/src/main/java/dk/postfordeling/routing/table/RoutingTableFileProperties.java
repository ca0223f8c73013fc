package dk.postfordeling.routing.table;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The routing table kept in a file of its own, so staff can change it without a restart.
 *
 * @param tableFile          the YAML file ({@code destinations} and {@code always-review}); empty: the
 *                           table in the service's configuration is used and never reloaded
 * @param tableCheckInterval how often the file is checked for changes
 */
@Validated
@ConfigurationProperties("postfordeling.routing")
public record RoutingTableFileProperties(@DefaultValue("") String tableFile,
        @NotNull @DefaultValue("PT10S") Duration tableCheckInterval) {
}
