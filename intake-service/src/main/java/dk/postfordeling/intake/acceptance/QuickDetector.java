package dk.postfordeling.intake.acceptance;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises the formats most mail arrives in from their first bytes, without Tika's full magic
 * scan (which runs hundreds of patterns and is the largest cost of accepting a small e-mail).
 * Anything it is not sure of is left to Tika; extraction looks again at generic containers.
 */
final class QuickDetector {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final Pattern HEADER = Pattern.compile("^[!-9;-~]+:[ \\t]?.*$");
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
        String start = new String(head, 0, Math.min(head.length, 8192), StandardCharsets.ISO_8859_1);
        int known = 0;
        boolean from = false;
        for (String line : start.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                continue;
            }
            if (!HEADER.matcher(line).matches()) {
                return false;
            }
            String name = line.substring(0, line.indexOf(':')).toLowerCase(java.util.Locale.ROOT);
            if (MAIL_HEADERS.contains(name)) {
                known++;
                from |= name.equals("from");
            }
        }
        return from && known >= 3;
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
