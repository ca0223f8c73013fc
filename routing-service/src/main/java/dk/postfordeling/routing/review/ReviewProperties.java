package dk.postfordeling.routing.review;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The review queue's settings.
 *
 * @param claimTimeout how long a person holds a mail they opened without deciding; after that
 *                     another person may take it over
 */
@Validated
@ConfigurationProperties("postfordeling.routing")
public record ReviewProperties(@NotNull @DefaultValue("PT30M") Duration claimTimeout) {
}
