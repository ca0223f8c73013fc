package dk.postfordeling.intake.channel.imap;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.intake.acceptance.AcceptedMail;
import dk.postfordeling.intake.acceptance.InboundMail;
import dk.postfordeling.intake.acceptance.MailAcceptance;
import dk.postfordeling.intake.channel.PolledChannel;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Polls a general inbox over IMAP. Each message is taken exactly as the server holds it (RFC 822
 * bytes), accepted, and only then moved to the processed folder; a message that could not be
 * accepted stays in the inbox and is tried again at the next poll.
 */
@Component
@ConditionalOnProperty(name = "postfordeling.intake.imap.enabled", havingValue = "true")
class ImapChannel implements PolledChannel {

    private static final Logger log = LoggerFactory.getLogger(ImapChannel.class);

    private final ImapProperties properties;
    private final MailAcceptance acceptance;

    ImapChannel(ImapProperties properties, MailAcceptance acceptance) {
        this.properties = properties;
        this.acceptance = acceptance;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL_IMAP;
    }

    @Override
    public java.time.Duration pollInterval() {
        return properties.pollInterval();
    }

    @Override
    public void scheduledPoll() {
        try {
            poll();
        } catch (IOException | RuntimeException e) {
            log.warn("IMAP poll of {} failed: {}", properties.host(), e.getClass().getSimpleName());
        }
    }

    @Override
    public int poll() throws IOException {
        String protocol = properties.ssl() ? "imaps" : "imap";
        Session session = Session.getInstance(sessionProperties(protocol));
        int accepted = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(properties.host(), properties.port(), properties.username(), properties.password());
            Folder inbox = store.getFolder(properties.folder());
            inbox.open(Folder.READ_WRITE);
            Folder processed = store.getFolder(properties.processedFolder());
            if (!processed.exists()) {
                processed.create(Folder.HOLDS_MESSAGES);
            }
            try {
                int count = Math.min(inbox.getMessageCount(), properties.batchSize());
                for (int number = 1; number <= count; number++) {
                    Message message = inbox.getMessage(number);
                    if (message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    message.writeTo(raw);
                    AcceptedMail mail = acceptance.accept(new InboundMail(new ByteArrayInputStream(raw.toByteArray()),
                            Channel.EMAIL_IMAP, "mail.eml", null));
                    inbox.copyMessages(new Message[] {message}, processed);
                    message.setFlag(Flags.Flag.DELETED, true);
                    accepted += mail.duplicate() ? 0 : 1;
                }
            } finally {
                inbox.close(true);
            }
        } catch (MessagingException e) {
            throw new IOException("IMAP " + e.getClass().getSimpleName(), e);
        }
        if (accepted > 0) {
            log.info("IMAP poll accepted {} mails", accepted);
        }
        return accepted;
    }

    private Properties sessionProperties(String protocol) {
        Properties session = new Properties();
        session.put("mail." + protocol + ".connectiontimeout", "10000");
        session.put("mail." + protocol + ".timeout", "30000");
        if (properties.startTls()) {
            session.put("mail." + protocol + ".starttls.enable", "true");
            session.put("mail." + protocol + ".starttls.required", "true");
        }
        return session;
    }
}
