package dk.postfordeling.intake.channel.imap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The general inbox (e.g. kommune@…) read over IMAP.
 *
 * @param enabled         whether to poll it
 * @param host            IMAP server
 * @param port            IMAP port
 * @param ssl             IMAPS (TLS from the start) rather than plain IMAP
 * @param startTls        require STARTTLS on a plain connection
 * @param username        login
 * @param password        password (from a secret store in production)
 * @param folder          the folder to read
 * @param processedFolder where accepted messages are moved (created if missing)
 * @param batchSize       most messages per poll
 * @param pollInterval    time between polls
 */
@ConfigurationProperties("postfordeling.intake.imap")
public record ImapProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("localhost") String host,
        @DefaultValue("993") int port,
        @DefaultValue("true") boolean ssl,
        @DefaultValue("false") boolean startTls,
        String username,
        String password,
        @DefaultValue("INBOX") String folder,
        @DefaultValue("Behandlet") String processedFolder,
        @DefaultValue("50") int batchSize,
        @DefaultValue("30s") Duration pollInterval) {
}
