package dk.postfordeling.routing.workbench;

import dk.postfordeling.platform.privacy.PersonalData;

import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.routing.destination.OriginalFile;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The stored original of a mail as staff see it: a scanned letter (PDF) shown inline, or an e-mail
 * with its headers and attachments. HTML is never rendered: staff read the extracted text, and
 * attachments are downloaded (PDFs shown inline).
 */
@Component
public class Originals {

    /** What the original is. */
    public enum Kind { PDF, EMAIL, MISSING }

    /** An attachment of an e-mail original; {@code index} addresses it for download. */
    public record Attachment(int index, String fileName, String contentType, int size) {

        public boolean pdf() {
            return contentType.startsWith("application/pdf") || fileName.toLowerCase(Locale.ROOT).endsWith(".pdf");
        }
    }

    /** The original's header and parts. */
    public record Summary(Kind kind, String from, String to, String date, String subject, List<Attachment> attachments, int size) {
    }

    /** Bytes to send to the browser. */
    public record Content(byte[] bytes, String contentType, String fileName, boolean inline) {
    }

    private static final int MAX_DEPTH = 5;

    private final BlobStore blobs;

    public Originals(BlobStore blobs) {
        this.blobs = blobs;
    }

    public Summary summary(String originalRef) {
        Optional<byte[]> original = read(originalRef);
        if (original.isEmpty()) {
            return new Summary(Kind.MISSING, null, null, null, null, List.of(), 0);
        }
        byte[] bytes = original.get();
        if (OriginalFile.extension(bytes).equals(".pdf")) {
            return new Summary(Kind.PDF, null, null, null, null, List.of(), bytes.length);
        }
        try {
            MimeMessage message = OriginalFile.mimeMessage(bytes);
            List<Attachment> attachments = new ArrayList<>();
            collect(message, attachments, new ArrayList<>(), 0);
            return new Summary(Kind.EMAIL, header(message, "From"), header(message, "To"), header(message, "Date"),
                    header(message, "Subject"), attachments, bytes.length);
        } catch (MessagingException | IOException e) {
            return new Summary(Kind.EMAIL, null, null, null, null, List.of(), bytes.length);
        }
    }

    /** The original itself: a PDF inline, an e-mail as a download. */
    public Optional<Content> original(String originalRef, String mailId) {
        return read(originalRef).map(bytes -> OriginalFile.extension(bytes).equals(".pdf")
                ? new Content(bytes, "application/pdf", mailId + ".pdf", true)
                : new Content(bytes, "message/rfc822", mailId + ".eml", false));
    }

    /**
     * Pages shown per PDF of the original, read and parsed once: key {@code original} for a PDF
     * original (a scanned letter), {@code a<index>} for each PDF attachment of an e-mail.
     */
    public java.util.Map<String, Integer> pdfPages(String originalRef) {
        java.util.Map<String, Integer> pages = new java.util.HashMap<>();
        Optional<byte[]> original = read(originalRef);
        if (original.isEmpty()) {
            return pages;
        }
        if (OriginalFile.extension(original.get()).equals(".pdf")) {
            pages.put("original", PdfPages.count(original.get()));
            return pages;
        }
        try {
            List<Attachment> attachments = new ArrayList<>();
            List<Part> parts = new ArrayList<>();
            collect(OriginalFile.mimeMessage(original.get()), attachments, parts, 0);
            for (Attachment attachment : attachments) {
                if (attachment.pdf()) {
                    try (InputStream in = parts.get(attachment.index()).getInputStream()) {
                        pages.put("a" + attachment.index(), PdfPages.count(in.readAllBytes()));
                    }
                }
            }
        } catch (MessagingException | IOException e) {
            // an original that cannot be read as e-mail has no PDF pages to show
        }
        return pages;
    }

    /** Attachment {@code index} of an e-mail original. */
    public Optional<Content> attachment(String originalRef, int index) {
        Optional<byte[]> original = read(originalRef);
        if (original.isEmpty() || OriginalFile.extension(original.get()).equals(".pdf")) {
            return Optional.empty();
        }
        try {
            List<Attachment> attachments = new ArrayList<>();
            List<Part> parts = new ArrayList<>();
            collect(OriginalFile.mimeMessage(original.get()), attachments, parts, 0);
            if (index < 0 || index >= parts.size()) {
                return Optional.empty();
            }
            Attachment attachment = attachments.get(index);
            try (InputStream in = parts.get(index).getInputStream()) {
                return Optional.of(new Content(in.readAllBytes(), attachment.pdf() ? "application/pdf" : "application/octet-stream",
                        attachment.fileName(), attachment.pdf()));
            }
        } catch (MessagingException | IOException e) {
            return Optional.empty();
        }
    }

    /** The stored original; empty when it is gone, or unknown (a mail whose event could not be read has no reference). */
    private Optional<byte[]> read(String originalRef) {
        if (originalRef == null || originalRef.isBlank()) {
            return Optional.empty();
        }
        try (InputStream in = blobs.open(originalRef)) {
            return Optional.of(in.readAllBytes());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void collect(Part part, List<Attachment> attachments, List<Part> parts, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), attachments, parts, depth + 1);
            }
            return;
        }
        if (part instanceof BodyPart && (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null)) {
            // A file name is shown, sent as a download name and kept in browsers' histories: CPR numbers masked.
            String name = part.getFileName() == null ? "bilag-" + (parts.size() + 1)
                    : PersonalData.maskCpr(decode(part.getFileName()));
            String type = part.getContentType() == null ? "application/octet-stream"
                    : part.getContentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
            attachments.add(new Attachment(parts.size(), name, type, Math.max(part.getSize(), 0)));
            parts.add(part);
        }
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ", ");
        return value == null ? null : decode(value);
    }

    private static String decode(String value) {
        try {
            return MimeUtility.decodeText(value);
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }
}
