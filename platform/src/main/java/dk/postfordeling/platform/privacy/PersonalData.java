package dk.postfordeling.platform.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and masks Danish CPR numbers (personnummer, {@code DDMMYY-NNNN}, with or without the dash).
 *
 * <p>The modulus-11 check is deliberately not applied: CPR numbers issued since 2007 need not
 * satisfy it, so a number that looks like a CPR number is treated as one. The day and month must
 * form a plausible date so that ordinary ten-digit numbers (phone numbers with prefixes, account
 * numbers) are less often mistaken for one.
 */
public final class PersonalData {

    /** The text every CPR number is replaced with wherever text leaves the mail. */
    public static final String CPR_MASK = "[CPR]";

    private static final Pattern CPR = Pattern.compile(
            "(?<![\\d-])(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])\\d{2}[- ]?\\d{4}(?![\\d])");

    private PersonalData() {
    }

    /** Returns the text with every CPR number replaced by {@link #CPR_MASK}; {@code null} stays {@code null}. */
    public static String maskCpr(CharSequence text) {
        return replaceCpr(text, CPR_MASK);
    }

    /** Returns the text with every CPR number replaced by the given literal text; {@code null} stays {@code null}. */
    public static String replaceCpr(CharSequence text, String replacement) {
        if (text == null) {
            return null;
        }
        if (!mayHoldCpr(text)) {
            return text.toString();
        }
        return CPR.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(replacement));
    }

    /**
     * Counts the distinct CPR numbers in the text: the same number written twice, or once with and
     * once without its dash, is one number (it is one person).
     */
    public static int countCpr(CharSequence text) {
        if (text == null || !mayHoldCpr(text)) {
            return 0;
        }
        Matcher matcher = CPR.matcher(text);
        java.util.Set<String> distinct = new java.util.HashSet<>();
        while (matcher.find()) {
            distinct.add(matcher.group().replaceAll("[- ]", ""));
        }
        return distinct.size();
    }

    /** Whether the text contains at least one CPR number. */
    public static boolean containsCpr(CharSequence text) {
        return text != null && mayHoldCpr(text) && CPR.matcher(text).find();
    }

    /**
     * A CPR number has ten digits, the first six of them in a row; most text has no such run, and
     * looking for one is much cheaper than the pattern.
     */
    private static boolean mayHoldCpr(CharSequence text) {
        int run = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= 6) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }
}
