package dk.postfordeling.routing.destination.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.destination.FilingException;
import dk.postfordeling.routing.destination.ResilientFiling;
import dk.postfordeling.routing.destination.TestFiling;
import dk.postfordeling.routing.table.Route;
import dk.postfordeling.routing.table.RoutingProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The function mailbox adapter under the service's Resilience4j decorators, while the mail server is down and after. */
class MailboxForwarderTest {

    private static final Route.ToDestination ROUTE =
            new Route.ToDestination("affald", DestinationType.FUNCTION_MAILBOX, "affald@kommune.example", null);
    private static final byte[] ORIGINAL = "Subject: Storskrald\r\n\r\nSofa\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ResilientFiling filing = TestFiling.resilience();

    @Test
    void aMailServerThatIsDownOpensTheCircuitAndTheMailIsDeliveredOnceWhenItIsBack() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MailboxForwarder forwarder = forwarder(port);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> filing.call(DestinationType.FUNCTION_MAILBOX, () -> forwarder.file(TestFiling.mail("affald"), ROUTE,
                    ORIGINAL, new TestFiling.MemoryCheckpoints())))
                    .isInstanceOfAny(FilingException.Unavailable.class, CallNotPermittedException.class);
        }
        assertThat(filing.state(DestinationType.FUNCTION_MAILBOX)).isEqualTo(CircuitBreaker.State.OPEN);

        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            TestFiling.MemoryCheckpoints checkpoints = new TestFiling.MemoryCheckpoints();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).ignoreException(CallNotPermittedException.class)
                    .untilAsserted(() -> assertThat(filing.call(DestinationType.FUNCTION_MAILBOX,
                            () -> forwarder.file(TestFiling.mail("affald"), ROUTE, ORIGINAL, checkpoints))).startsWith("<postfordeling."));
            assertThat(filing.state(DestinationType.FUNCTION_MAILBOX)).isEqualTo(CircuitBreaker.State.CLOSED);

            // Called again (e.g. after a crash before the outcome was committed): not sent twice.
            forwarder.file(TestFiling.mail("affald"), ROUTE, ORIGINAL, checkpoints);
            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(server.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("affald@kommune.example");
        } finally {
            server.stop();
        }
    }

    @Test
    void aBusyMailServerIsTriedAgainAndTakesTheMailOnce() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(ScriptedSmtpServer.Answer.TEMPORARY_FAILURE)) {
            TestFiling.MemoryCheckpoints checkpoints = new TestFiling.MemoryCheckpoints();

            String messageId = filing.call(DestinationType.FUNCTION_MAILBOX,
                    () -> forwarder(server.port()).file(TestFiling.mail("affald"), ROUTE, ORIGINAL, checkpoints));

            assertThat(messageId).startsWith("<postfordeling.");
            assertThat(server.acceptedMessages()).isEqualTo(1);
        }
    }

    @Test
    void aMailServerThatNeverAnswersIsATransientFailure() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(ScriptedSmtpServer.Answer.SILENT)) {
            assertThatThrownBy(() -> forwarder(server.port()).file(TestFiling.mail("affald"), ROUTE, ORIGINAL,
                    new TestFiling.MemoryCheckpoints()))
                    .isInstanceOf(FilingException.Unavailable.class);
            assertThat(server.acceptedMessages()).isZero();
        }
    }

    @Test
    void forwardsOneMailAfterAnotherOverOneConnection() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(); MailboxForwarder forwarder = forwarder(server.port())) {
            for (int i = 0; i < 3; i++) {
                forwarder.file(TestFiling.mail("affald"), ROUTE, ORIGINAL, new TestFiling.MemoryCheckpoints());
            }
            assertThat(server.acceptedMessages()).isEqualTo(3);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedAndTheMailSentOnce() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(); MailboxForwarder forwarder = forwarder(server.port())) {
            forwarder.file(TestFiling.mail("affald"), ROUTE, ORIGINAL, new TestFiling.MemoryCheckpoints());
            server.dropOpenConnections();
            TestFiling.MemoryCheckpoints checkpoints = new TestFiling.MemoryCheckpoints();
            String messageId = forwarder.file(TestFiling.mail("affald"), ROUTE, ORIGINAL, checkpoints);

            assertThat(messageId).startsWith("<postfordeling.");
            assertThat(checkpoints.get("sent")).contains(messageId);
            assertThat(server.acceptedMessages()).isEqualTo(2);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    /** The subject lands in mailbox listings and mail server logs: CPR numbers masked; the attached original is unchanged. */
    @Test
    void theForwardedSubjectCarriesNoCprNumberButTheOriginalIsAttachedUnchanged() throws Exception {
        byte[] original = "From: borger@example.dk\r\nSubject: Nyt pas til 010170-1234\r\n\r\nMit barn 0203041234 skal også have pas.\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        Route.ToDestination route = new Route.ToDestination("borgerservice", DestinationType.FUNCTION_MAILBOX,
                "cpr-maskering@kommune.example", null);
        try (MailboxForwarder forwarder = forwarder(dk.postfordeling.routing.RoutingTestParts.MAIL.getSmtp().getPort())) {
            forwarder.file(TestFiling.mail("borgerservice"), route, original, new TestFiling.MemoryCheckpoints());
        }

        jakarta.mail.internet.MimeMessage received = java.util.Arrays.stream(
                        dk.postfordeling.routing.RoutingTestParts.MAIL.getReceivedMessagesForDomain("kommune.example"))
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("cpr-maskering@kommune.example");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        assertThat(received.getSubject()).isEqualTo("Fordelt: Nyt pas til [CPR]");
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) received.getContent();
        java.io.ByteArrayOutputStream attached = new java.io.ByteArrayOutputStream();
        parts.getBodyPart(1).getDataHandler().writeTo(attached);
        assertThat(attached.toString(StandardCharsets.US_ASCII)).contains("Subject: Nyt pas til 010170-1234", "0203041234");
    }

    private static MailboxForwarder forwarder(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties plain = new Properties();
        plain.put("mail.smtp.connectiontimeout", "1000");
        plain.put("mail.smtp.timeout", "1000");
        sender.setJavaMailProperties(plain);
        return new MailboxForwarder(sender, new RoutingProperties(Path.of("blobs"), "postfordeling@kommune.example",
                Map.of(), 5, Duration.ofSeconds(5), Duration.ofMillis(250), null, true, 1));
    }
}
