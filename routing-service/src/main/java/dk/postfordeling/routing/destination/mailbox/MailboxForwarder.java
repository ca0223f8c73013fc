package dk.postfordeling.routing.destination.mailbox;

import dk.postfordeling.platform.privacy.PersonalData;

import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.routing.table.RoutingProperties;
import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.destination.Checkpoints;
import dk.postfordeling.routing.destination.DestinationAdapter;
import dk.postfordeling.routing.destination.FilingException;
import dk.postfordeling.routing.destination.OriginalFile;
import dk.postfordeling.routing.table.Route;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Forwards a mail to a function mailbox (funktionspostkasse) over SMTP: a short note in Danish on
 * why it was routed there, with the original attached unchanged. The forwarded message has a
 * Message-ID derived from the mail id, so a repeated delivery can be recognised by the recipient.
 */
@Component
public class MailboxForwarder implements DestinationAdapter, AutoCloseable {

    private final JavaMailSenderImpl sender;
    private final SmtpConnections connections;
    private final RoutingProperties properties;

    public MailboxForwarder(JavaMailSenderImpl sender, RoutingProperties properties) {
        this.sender = sender;
        this.connections = new SmtpConnections(sender);
        this.properties = properties;
    }

    /** Closes the open SMTP connections (on shutdown). */
    @Override
    public void close() {
        connections.close();
    }

    @Override
    public DestinationType type() {
        return DestinationType.FUNCTION_MAILBOX;
    }

    /**
     * Sends the mail and returns the forwarded message's Message-ID. SMTP has no way to ask whether
     * a message already arrived, so the Message-ID is saved as a checkpoint the moment the server has
     * accepted it; a repeated call after that returns it without sending again.
     */
    @Override
    public String file(MailClassified mail, Route.ToDestination route, byte[] original, Checkpoints checkpoints) {
        java.util.Optional<String> sent = checkpoints.get("sent");
        if (sent.isPresent()) {
            return sent.get();
        }
        String messageId = "<postfordeling." + mail.mailId() + "@" + domainOf(properties.senderAddress()) + ">";
        MimeMessage message = new FixedIdMessage(sender.createMimeMessage(), messageId);
        try {
            MimeMessage parsedOriginal = asMimeMessage(original);
            String originalSubject = parsedOriginal == null ? null : parsedOriginal.getSubject();
            message.setFrom(new InternetAddress(properties.senderAddress()));
            message.setRecipients(MimeMessage.RecipientType.TO, route.target());
            message.setSubject(originalSubject == null || originalSubject.isBlank()
                    ? "Indgående post " + mail.mailId()
                    // The subject travels in mail servers' logs and mailbox listings: CPR numbers masked
                    // (the attached original is unchanged).
                    : "Fordelt: " + PersonalData.maskCpr(originalSubject), StandardCharsets.UTF_8.name());
            message.setHeader("X-Postfordeling-Mail-Id", mail.mailId().toString());

            MimeBodyPart note = new MimeBodyPart();
            note.setText(note(mail, route), StandardCharsets.UTF_8.name());
            MimeBodyPart attachment = new MimeBodyPart();
            if (parsedOriginal != null) {
                attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(original, "message/rfc822")));
                attachment.setFileName("original.eml");
            } else {
                attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(original, "application/octet-stream")));
                attachment.setFileName("original");
            }
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            message.setContent(new MimeMultipart(note, attachment));
            message.setSentDate(new Date());
            message.saveChanges();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build forward for mail " + mail.mailId(), e);
        }
        try {
            connections.send(message);
        } catch (MessagingException | RuntimeException e) {
            throw new FilingException.Unavailable("mail server did not accept the message: " + e.getClass().getSimpleName(), e);
        }
        checkpoints.save("sent", messageId);
        return messageId;
    }

    private static String note(MailClassified mail, Route.ToDestination route) {
        String reasons = mail.reasons().stream().map(r -> "- " + r.text()).collect(Collectors.joining("\n"));
        return """
                Denne post er fordelt automatisk til %s af Postfordeling.

                Begrundelse:
                %s
                Sikkerhed: %d %%
                Model: %s
                Mail-id: %s

                Er posten havnet forkert, så send den tilbage til postfordelingen med mail-id'et.
                Originalen er vedhæftet uændret.
                """.formatted(route.key(), reasons, dk.postfordeling.platform.text.Percent.confidence(mail.top().probability()),
                mail.modelVersion(), mail.mailId());
    }

    /** The original as a MIME message when it is an e-mail (has headers and a From or Subject), else null. */
    private static MimeMessage asMimeMessage(byte[] original) {
        try {
            MimeMessage parsed = OriginalFile.mimeMessage(original);
            return parsed.getHeader("From") != null || parsed.getHeader("Subject") != null ? parsed : null;
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "postfordeling.local" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** A message whose Message-ID survives {@code saveChanges()}. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(MimeMessage template, String messageId) {
            super(template.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
