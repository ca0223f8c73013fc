package dk.postfordeling.classifier.text;

import dk.postfordeling.platform.privacy.PersonalData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
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
    private static final Pattern PLACEHOLDER = Pattern.compile("\u0001(\\w+)\u0001");
    private static final Pattern TOKEN = Pattern.compile("\u0001\\w+\u0001|[\\p{L}\\p{N}]+");

    private TextPreparation() {
    }

    /** Replaces personal data by placeholders, keeping everything else. */
    public static String maskPersonalData(String text) {
        // Each pattern only runs on text that can hold a match: most mail has no address or number.
        String masked = text.indexOf('@') >= 0 ? EMAIL_ADDRESS.matcher(text).replaceAll(" \u0001email\u0001 ") : text;
        if (masked.indexOf("://") >= 0 || containsWww(masked)) {
            masked = WEB_ADDRESS.matcher(masked).replaceAll(" \u0001url\u0001 ");
        }
        if (digits(masked) < 8) {
            return masked;
        }
        masked = PersonalData.replaceCpr(masked, " \u0001cpr\u0001 ");
        return PHONE_NUMBER.matcher(masked).replaceAll(" \u0001phone\u0001 ");
    }

    private static boolean containsWww(String text) {
        for (int i = text.indexOf('.'); i >= 3; i = text.indexOf('.', i + 1)) {
            if (text.regionMatches(true, i - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private static int digits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits;
    }

    /** Lower-cased word tokens with placeholders, in order. */
    public static List<String> tokens(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String masked = maskPersonalData(text).toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(masked);
        while (matcher.find()) {
            String token = matcher.group();
            Matcher placeholder = token.charAt(0) == '\u0001' ? PLACEHOLDER.matcher(token) : null;
            if (placeholder != null && placeholder.matches()) {
                tokens.add("<" + placeholder.group(1) + ">");
            } else if (Character.isDigit(token.charAt(0)) && token.chars().allMatch(Character::isDigit)) {
                tokens.add(NUMBER);
            } else {
                tokens.add(token);
            }
        }
        return tokens;
    }
}
