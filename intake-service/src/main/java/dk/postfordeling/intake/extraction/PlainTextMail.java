package dk.postfordeling.intake.extraction;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The most common citizen mail is a single plain-text part with no attachments. It is read directly
 * with Jakarta Mail (subject decoded per RFC 2047, body per its charset and transfer encoding),
 * which is several times cheaper than Tika's general e-mail parsing. Anything else — multipart,
 * HTML, attachments, an unknown charset — returns empty and goes through Tika.
 */
final class PlainTextMail {

    private static final Session SESSION = Session.getInstance(new Properties());

    private PlainTextMail() {
    }

    /** Subject and body of a single-part plain-text e-mail; empty for anything else. */
    static Optional<String[]> read(byte[] message) {
        try {
            MimeMessage mail = new MimeMessage(SESSION, new ByteArrayInputStream(message));
            String type = mail.getContentType();
            if (type != null && !mail.isMimeType("text/plain")) {
                return Optional.empty();
            }
            if (mail.getDisposition() != null && mail.getDisposition().equalsIgnoreCase("attachment")) {
                return Optional.empty();
            }
            Object content = mail.getContent();
            if (!(content instanceof String body)) {
                return Optional.empty();
            }
            String subject = mail.getSubject();
            return Optional.of(new String[] {subject == null ? "" : subject, body});
        } catch (MessagingException | IOException | RuntimeException notSimple) {
            return Optional.empty();
        }
    }
}
