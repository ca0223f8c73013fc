package dk.postfordeling.classifier.text;

import dk.postfordeling.platform.privacy.PersonalData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The slices of mail a figure is broken down by, as {@code name=value}: every text gives its length
 * band and whether it holds a CPR number; extra columns of a test file (e.g. {@code language},
 * {@code channel}, {@code sender}) give one slice each. Names only, never content.
 */
public final class MailSlices {

    /** Text length bands, in characters (the same bands routing's live view uses). */
    public static final int SHORT = 200;
    public static final int LONG = 1000;

    private MailSlices() {
    }

    public static List<String> of(String text, Map<String, String> columns) {
        List<String> slices = new ArrayList<>();
        int length = text.length();
        slices.add("length=" + (length < SHORT ? "under-" + SHORT : length <= LONG ? SHORT + "-" + LONG : "over-" + LONG));
        slices.add("cpr=" + (PersonalData.countCpr(text) > 0 ? "yes" : "no"));
        columns.forEach((name, value) -> slices.add(name + "=" + (value == null || value.isBlank() ? "unknown" : value.strip())));
        return slices;
    }
}
