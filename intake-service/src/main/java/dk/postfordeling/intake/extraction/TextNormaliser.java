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

    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+(?=\\n)");
    private static final Pattern RUNS_OF_SPACE = Pattern.compile("[ \\t\\u00A0]{2,}");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Pattern HYPHENATED = Pattern.compile("(\\p{L})-\\n(\\p{Ll})");
    private static final Pattern QUOTE_INTRO = Pattern.compile(
            "(?i)^(den .{3,80} skrev .{0,80}:|on .{3,80} wrote:|-{2,} ?(original message|oprindelig meddelelse|videresendt meddelelse|forwarded message) ?-{2,}|(fra|from): .+)$");

    private TextNormaliser() {
    }

    /** Tidies any extracted text. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        unified = TRAILING_SPACE.matcher(unified).replaceAll("");
        unified = RUNS_OF_SPACE.matcher(unified).replaceAll(" ");
        unified = HYPHENATED.matcher(unified).replaceAll("$1$2");
        return BLANK_LINES.matcher(unified).replaceAll("\n\n").strip();
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
}
