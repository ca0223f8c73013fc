package dk.postfordeling.routing.workbench;

import dk.postfordeling.contracts.ExplainingPhrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a mail's text into segments, marking where the phrases of the explanation occur, so the
 * page can highlight them (the page escapes every segment; no markup is built from the mail).
 */
public final class Highlighter {

    /** A piece of the text; {@code phrase} is the explaining phrase it shows, or null. */
    public record Segment(String text, String phrase, double weight) {

        public boolean marked() {
            return phrase != null;
        }
    }

    private Highlighter() {
    }

    public static List<Segment> segments(String text, List<ExplainingPhrase> phrases) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        ExplainingPhrase[] at = new ExplainingPhrase[text.length()];
        int[] end = new int[text.length()];
        int longest = 0;
        for (ExplainingPhrase phrase : phrases) {
            longest = Math.max(longest, phrase.phrase().length());
        }
        for (ExplainingPhrase phrase : phrases) {
            String needle = phrase.phrase().toLowerCase(Locale.ROOT).strip();
            if (needle.length() < 2 || phrase.weight() <= 0) {
                continue;
            }
            for (int i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length())) {
                if (free(at, end, i, i + needle.length(), longest)) {
                    at[i] = phrase;
                    end[i] = i + needle.length();
                }
            }
        }
        List<Segment> segments = new ArrayList<>();
        int plainFrom = 0;
        for (int i = 0; i < text.length(); i++) {
            if (at[i] != null) {
                if (plainFrom < i) {
                    segments.add(new Segment(text.substring(plainFrom, i), null, 0));
                }
                int stop = end[i];
                segments.add(new Segment(text.substring(i, stop), at[i].phrase(), at[i].weight()));
                plainFrom = stop;
                i = stop - 1;
            }
        }
        if (plainFrom < text.length()) {
            segments.add(new Segment(text.substring(plainFrom), null, 0));
        }
        return segments;
    }

    /** Whether [from, to) overlaps no marked span. */
    private static boolean free(ExplainingPhrase[] at, int[] end, int from, int to, int longest) {
        for (int i = Math.max(0, from - longest); i < to; i++) {
            if (at[i] != null && end[i] > from) {
                return false;
            }
        }
        return true;
    }
}
