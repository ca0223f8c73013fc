package dk.postfordeling.routing.destination.mailbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Keeps one SMTP connection open per thread that sends (the dispatch workers), so that forwarding a
 * mail is one SMTP transaction (MAIL, RCPT, DATA) instead of a connection, greeting, EHLO, STARTTLS
 * and QUIT each time. The settings (host, port, credentials, {@code mail.smtp.*} properties) are
 * those of the configured {@link JavaMailSenderImpl}.
 *
 * <p>A connection unused for {@link #MAX_IDLE} is closed before the next message rather than reused,
 * well within the five minutes a server must wait (RFC 5321, 4.5.3.2). Should a reused connection
 * fail all the same because the server dropped it, the message is sent once more on a new
 * connection; a refusal on a connection that is still open is not retried this way.
 */
final class SmtpConnections implements AutoCloseable {

    static final Duration MAX_IDLE = Duration.ofSeconds(30);

    private record Open(Transport transport, long lastUsedNanos) {
    }

    private final JavaMailSenderImpl sender;
    private final String protocol;
    private final ThreadLocal<Open> open = new ThreadLocal<>();
    private final Set<Transport> all = ConcurrentHashMap.newKeySet();

    SmtpConnections(JavaMailSenderImpl sender) {
        this.sender = sender;
        this.protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
    }

    /** Sends the message on this thread's connection, opening one when there is none. */
    void send(MimeMessage message) throws MessagingException {
        Open reused = open.get();
        open.remove();
        if (reused != null && System.nanoTime() - reused.lastUsedNanos() > MAX_IDLE.toNanos()) {
            close(reused.transport());
            reused = null;
        }
        if (reused != null) {
            try {
                sendOn(reused.transport(), message);
                return;
            } catch (MessagingException e) {
                boolean dropped = !reused.transport().isConnected();
                close(reused.transport());
                if (!dropped) {
                    throw e; // the server answered and refused: a new connection would not change its mind
                }
            }
        }
        Transport fresh = sender.getSession().getTransport(protocol);
        all.add(fresh);
        try {
            fresh.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
            sendOn(fresh, message);
        } catch (MessagingException | RuntimeException e) {
            close(fresh);
            throw e;
        }
    }

    private void sendOn(Transport transport, MimeMessage message) throws MessagingException {
        transport.sendMessage(message, message.getAllRecipients());
        open.set(new Open(transport, System.nanoTime()));
    }

    private void close(Transport transport) {
        all.remove(transport);
        try {
            transport.close();
        } catch (MessagingException | RuntimeException alreadyGone) {
            // The connection is no longer used either way.
        }
    }

    @Override
    public void close() {
        all.forEach(this::close);
    }
}
