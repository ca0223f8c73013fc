package dk.postfordeling.classifier.text;

import dk.postfordeling.platform.privacy.PersonalData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns mail text into the tokens the model sees. Personal data is replaced by placeholders first
 * (CPR numbers, e-mail addresses, phone numbers, web addresses), so the model never learns it and
 * explanations never show it. Numbers become {@code <num>}: amounts and dates say little about the
 * destination and would only spread the model's attention.
 */
public final class TextPreparation {

    public static final String CPR = "<cpr>";
    public static final String EMAIL = "<email>";
    public static final String PHONE = "<phone>";
    public static final String URL = "<url>";
    public static final String NUMBER = "<num>";

    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(?<![\\d])(?:\\+45[ ]?)?(?:\\d{2}[ ]?){3}\\d{2}(?![\\d])");

    private TextPreparation() {
    }

    /** Replaces personal data by placeholders, keeping everything else. */
    public static String maskPersonalData(String text) {
        // Each pattern only runs on text that can hold a match: most mail has no address or number.
        String masked = text.indexOf('@') >= 0 ? EMAIL_ADDRESS.matcher(text).replaceAll(" \u0001email\u0001 ") : text;
        if (masked.indexOf("://") >= 0 || containsWww(masked)) {
            masked = WEB_ADDRESS.matcher(masked).replaceAll(" \u0001url\u0001 ");
        }
        masked = PersonalData.replaceCpr(masked, " \u0001cpr\u0001 ");
        return mayHoldPhoneNumber(masked) ? PHONE_NUMBER.matcher(masked).replaceAll(" \u0001phone\u0001 ") : masked;
    }

    /**
     * A phone number has eight digits with at most a single space between two of them; most text has
     * no such run, and looking for one is much cheaper than the pattern.
     */
    static boolean mayHoldPhoneNumber(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= 8) {
                    return true;
                }
            } else if (!(c == ' ' && run > 0 && i + 1 < text.length() && text.charAt(i + 1) >= '0' && text.charAt(i + 1) <= '9')) {
                run = 0;
            }
        }
        return false;
    }

    private static boolean containsWww(String text) {
        for (int i = text.indexOf('.'); i >= 3; i = text.indexOf('.', i + 1)) {
            if (text.regionMatches(true, i - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /** Lower-cased word tokens with placeholders, in order. */
    public static List<String> tokens(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String masked = maskPersonalData(text).toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int length = masked.length();
        int i = 0;
        while (i < length) {
            int c = masked.codePointAt(i);
            if (c == PLACEHOLDER_MARK) {
                int end = i + 1;
                while (end < length && isWordCharacter(masked.charAt(end))) {
                    end++;
                }
                if (end > i + 1 && end < length && masked.charAt(end) == PLACEHOLDER_MARK) {
                    tokens.add("<" + masked.substring(i + 1, end) + ">");
                    i = end + 1;
                } else {
                    i++;
                }
            } else if (isLetterOrNumber(c)) {
                int end = i + Character.charCount(c);
                boolean digitsOnly = Character.isDigit(c) && Character.charCount(c) == 1;
                while (end < length) {
                    int next = masked.codePointAt(end);
                    if (!isLetterOrNumber(next)) {
                        break;
                    }
                    digitsOnly &= Character.isDigit(next) && Character.charCount(next) == 1;
                    end += Character.charCount(next);
                }
                tokens.add(digitsOnly ? NUMBER : masked.substring(i, end));
                i = end;
            } else {
                i += Character.charCount(c);
            }
        }
        return tokens;
    }

    /** Marks the two ends of a placeholder while the text is being masked. */
    private static final char PLACEHOLDER_MARK = '\u0001';

    /** {@code \\w} of a regular expression: an ASCII letter, digit or underscore. */
    private static boolean isWordCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** {@code \\p{L}} or {@code \\p{N}}: a letter or a number of any script. */
    private static boolean isLetterOrNumber(int c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
    }
}
