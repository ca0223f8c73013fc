package dk.postfordeling.intake.acceptance;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the formats most mail arrives in from their first bytes, without Tika's full magic
 * scan (which runs hundreds of patterns and is the largest cost of accepting a small e-mail).
 * Anything it is not sure of is left to Tika; extraction looks again at generic containers.
 */
final class QuickDetector {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final Set<String> MAIL_HEADERS = Set.of("from", "to", "subject", "date", "message-id", "received",
            "mime-version", "return-path", "delivered-to", "reply-to", "content-type");

    private QuickDetector() {
    }

    static Optional<String> detect(byte[] head) {
        if (startsWith(head, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(head, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(head, JPEG)) {
            return Optional.of("image/jpeg");
        }
        return looksLikeMail(head) ? Optional.of("message/rfc822") : Optional.empty();
    }

    /** At least three well-known mail headers, among them From, before the first blank line. */
    private static boolean looksLikeMail(byte[] head) {
        int limit = Math.min(head.length, 8192);
        int known = 0;
        boolean from = false;
        int line = 0;
        while (line < limit) {
            int end = line;
            while (end < limit && head[end] != '\n') {
                end++;
            }
            int length = end > line && head[end - 1] == '\r' ? end - 1 - line : end - line;
            if (length == 0) {
                break;
            }
            if (head[line] != ' ' && head[line] != '\t') {
                int colon = headerNameEnd(head, line, line + length);
                if (colon < 0) {
                    return false;
                }
                String name = new String(head, line, colon - line, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
                if (MAIL_HEADERS.contains(name)) {
                    known++;
                    from |= name.equals("from");
                }
            }
            line = end + 1;
        }
        return from && known >= 3;
    }

    /** Index of the colon ending a header field name (printable ASCII, no space), or -1. */
    private static int headerNameEnd(byte[] head, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = head[i];
            if (b == ':') {
                return i > start ? i : -1;
            }
            if (b < '!' || b > '~') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
