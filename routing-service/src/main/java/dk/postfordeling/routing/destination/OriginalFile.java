package dk.postfordeling.routing.destination;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;

/**
 * What an original is: how it is named when it is filed — PDF (scanned letters) or e-mail (everything
 * intake receives as mail) — and how it is read as an e-mail.
 */
public final class OriginalFile {

    /**
     * Only for reading originals. A Jakarta Mail session looks its providers up on the class path
     * when it is made, which had cost a third of the routing service's CPU when done per mail.
     */
    private static final Session READING_SESSION = Session.getInstance(new Properties());

    private OriginalFile() {
    }

    /** {@code .pdf} for a PDF, else {@code .eml}. */
    public static String extension(byte[] original) {
        return original.length > 4 && original[0] == '%' && original[1] == 'P' && original[2] == 'D' && original[3] == 'F'
                ? ".pdf" : ".eml";
    }

    /** The original read as a MIME message; its parts are parsed as they are asked for. */
    public static MimeMessage mimeMessage(byte[] original) throws MessagingException {
        return new MimeMessage(READING_SESSION, new ByteArrayInputStream(original));
    }
}
