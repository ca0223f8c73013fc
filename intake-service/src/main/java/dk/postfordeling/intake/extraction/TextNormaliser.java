package dk.postfordeling.intake.extraction;

import java.util.regex.Pattern;

/** Tidies extracted text: one kind of line break, no trailing spaces, at most one blank line in a row. */
final class TextNormaliser {

    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+(?=\\n)");
    private static final Pattern RUNS_OF_SPACE = Pattern.compile("[ \\t\\u00A0]{2,}");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private TextNormaliser() {
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        unified = TRAILING_SPACE.matcher(unified).replaceAll("");
        unified = RUNS_OF_SPACE.matcher(unified).replaceAll(" ");
        return BLANK_LINES.matcher(unified).replaceAll("\n\n").strip();
    }
}
