package dk.postfordeling.routing.retention;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long routing keeps a mail's content once a person or a destination has it.
 *
 * @param contentAfter  from filing, or from a person's decision, until the mail's text, explanation and
 *                      original are erased (ids, labels, outcome and audit trail stay)
 * @param checkInterval how often due mail is looked for; any instance may do it
 */
@Validated
@ConfigurationProperties("postfordeling.routing.retention")
public record ContentRetentionProperties(@NotNull @DefaultValue("P30D") Duration contentAfter,
        @NotNull @DefaultValue("PT1H") Duration checkInterval) {
}
