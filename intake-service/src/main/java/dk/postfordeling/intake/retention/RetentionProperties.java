package dk.postfordeling.intake.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long intake keeps the original of a mail once it has been delivered. The ESDH system or the
 * function mailbox is then the system of record; the pipeline's own copy goes after this period.
 * Mail that has not been delivered (for example while it waits in review) is never deleted.
 *
 * @param enabled       whether originals are deleted at all
 * @param afterRouting  how long after delivery the original is kept
 * @param checkInterval how often due deletions are carried out
 */
@ConfigurationProperties("postfordeling.intake.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30d") Duration afterRouting,
        @DefaultValue("1h") Duration checkInterval) {
}
