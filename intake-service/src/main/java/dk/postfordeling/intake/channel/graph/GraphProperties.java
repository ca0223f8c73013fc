package dk.postfordeling.intake.channel.graph;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A shared mailbox in Exchange Online read through Microsoft Graph (application permission
 * Mail.ReadWrite, client-credentials flow).
 *
 * @param enabled         whether to poll it
 * @param tokenUrl        the token endpoint, e.g. {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token}
 * @param graphUrl        Graph's base URL including the version, e.g. {@code https://graph.microsoft.com/v1.0}
 * @param clientId        the app registration's client id
 * @param clientSecret    its secret (from a secret store in production)
 * @param scope           token scope
 * @param mailbox         the mailbox's user principal name, e.g. {@code kommune@kommune.dk}
 * @param folder          the folder to read (well-known name or id)
 * @param processedFolder where accepted messages are moved (well-known name such as {@code archive}, or a folder id)
 * @param batchSize       most messages per poll
 * @param pollInterval    time between polls
 */
@ConfigurationProperties("postfordeling.intake.graph")
public record GraphProperties(
        @DefaultValue("false") boolean enabled,
        String tokenUrl,
        @DefaultValue("https://graph.microsoft.com/v1.0") String graphUrl,
        String clientId,
        String clientSecret,
        @DefaultValue("https://graph.microsoft.com/.default") String scope,
        String mailbox,
        @DefaultValue("inbox") String folder,
        @DefaultValue("archive") String processedFolder,
        @DefaultValue("50") int batchSize,
        @DefaultValue("30s") Duration pollInterval) {
}
