package dk.postfordeling.routing.destination.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.RoutingTestParts;
import dk.postfordeling.routing.destination.FilingException;
import dk.postfordeling.routing.destination.TestFiling;
import dk.postfordeling.routing.table.Route;
import dk.postfordeling.routing.table.RoutingProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With the service's default mail settings, a mail server that does not offer STARTTLS is refused:
 * no mail leaves in clear text. (GreenMail speaks plain SMTP, which is exactly that server.)
 */
class MailboxStartTlsTest {

    @Test
    void aServerWithoutStartTlsGetsNothing() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(RoutingTestParts.MAIL.getSmtp().getPort());
        Properties secure = new Properties();
        secure.put("mail.smtp.starttls.enable", "true");
        secure.put("mail.smtp.starttls.required", "true");
        secure.put("mail.smtp.ssl.protocols", "TLSv1.2 TLSv1.3");
        sender.setJavaMailProperties(secure);
        MailboxForwarder forwarder = new MailboxForwarder(sender, new RoutingProperties(Path.of("blobs"), "postfordeling@kommune.example",
                Map.of(), 5, Duration.ofSeconds(5), Duration.ofMillis(250), null, true, 1));
        int before = RoutingTestParts.MAIL.getReceivedMessages().length;
        TestFiling.MemoryCheckpoints checkpoints = new TestFiling.MemoryCheckpoints();

        assertThatThrownBy(() -> forwarder.file(TestFiling.mail("byggeri"),
                new Route.ToDestination("byggeri", DestinationType.FUNCTION_MAILBOX, "byggeri@kommune.example", null),
                "Subject: Byggetilladelse\r\n\r\nCPR 010203-1234\r\n".getBytes(StandardCharsets.US_ASCII), checkpoints))
                .isInstanceOf(FilingException.Unavailable.class);
        assertThat(RoutingTestParts.MAIL.getReceivedMessages()).hasSize(before);
        assertThat(checkpoints.saved).doesNotContainKey("sent");
    }
}
