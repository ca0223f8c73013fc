package dk.postfordeling.intake.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tidies extracted text: one kind of line break, no trailing or repeated spaces, at most one blank
 * line in a row, words hyphenated across a line break joined again. In mail bodies, quoted earlier
 * correspondence and the signature are moved below marker lines, so that what the citizen wrote now
 * comes first and a reader (or the model) can tell the parts apart.
 */
public final class TextNormaliser {

    /** Marks the start of quoted earlier correspondence. */
    public static final String QUOTED_MARKER = "[Citeret tidligere korrespondance]";
    /** Marks the start of the signature. */
    public static final String SIGNATURE_MARKER = "[Signatur]";

    private static final Pattern QUOTE_INTRO = Pattern.compile(
            "(?i)^(den .{3,80} skrev .{0,80}:|on .{3,80} wrote:|-{2,} ?(original message|oprindelig meddelelse|videresendt meddelelse|forwarded message) ?-{2,}|(fra|from): .+)$");

    private TextNormaliser() {
    }

    /** Tidies any extracted text, in one pass over its characters. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        int pendingSpace = 0;
        int newlines = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < length && text.charAt(i + 1) == '\n') {
                    continue;
                }
                c = '\n';
            }
            if (c == ' ' || c == '\t' || c == '\u00A0') {
                pendingSpace++;
                continue;
            }
            if (c == '\n') {
                pendingSpace = 0;
                newlines++;
                continue;
            }
            if (newlines > 0) {
                boolean hyphenated = newlines == 1 && Character.isLowerCase(c) && out.length() > 1
                        && out.charAt(out.length() - 1) == '-' && Character.isLetter(out.charAt(out.length() - 2));
                if (hyphenated) {
                    out.setLength(out.length() - 1);
                } else if (out.length() > 0) {
                    out.append(newlines == 1 ? "\n" : "\n\n");
                }
                newlines = 0;
                pendingSpace = 0;
            } else if (pendingSpace > 0 && out.length() > 0) {
                out.append(' ');
            }
            pendingSpace = 0;
            out.append(c);
        }
        return out.toString();
    }

    /** Tidies a mail body and marks quoted correspondence and the signature. */
    public static String normaliseBody(String text) {
        String tidy = normalise(text);
        List<String> own = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        List<String> signature = new ArrayList<>();
        boolean inQuote = false;
        boolean inSignature = false;
        for (String line : tidy.split("\n", -1)) {
            String stripped = line.strip();
            if (!inQuote && (stripped.startsWith(">") || QUOTE_INTRO.matcher(stripped).matches())) {
                inQuote = true;
            }
            if (!inQuote && !inSignature && (line.equals("-- ") || stripped.equals("--"))) {
                inSignature = true;
                continue;
            }
            if (inQuote) {
                quoted.add(stripped.startsWith(">") ? stripped.replaceFirst("^>+ ?", "") : line);
            } else if (inSignature) {
                signature.add(line);
            } else {
                own.add(line);
            }
        }
        StringBuilder result = new StringBuilder(String.join("\n", own).strip());
        if (signature.stream().anyMatch(l -> !l.isBlank())) {
            result.append("\n\n").append(SIGNATURE_MARKER).append('\n').append(String.join("\n", signature).strip());
        }
        if (quoted.stream().anyMatch(l -> !l.isBlank())) {
            result.append("\n\n").append(QUOTED_MARKER).append('\n').append(String.join("\n", quoted).strip());
        }
        return result.toString().strip();
    }

    /** Appends {@code text} to {@code body} as a paragraph of its own; blank text adds nothing. */
    static void appendParagraph(StringBuilder body, String text) {
        if (text != null && !text.isBlank()) {
            if (!body.isEmpty()) {
                body.append("\n\n");
            }
            body.append(text);
        }
    }
}
