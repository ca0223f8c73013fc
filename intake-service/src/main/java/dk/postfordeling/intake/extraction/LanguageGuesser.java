package dk.postfordeling.intake.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.io.InputStream;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.springframework.stereotype.Component;

/**
 * Detects the language of a text with the OpenNLP language model that Tika ships (offline, 103
 * languages), called directly: one prediction on a short sample rather than Tika's repeated probing.
 */
@Component
public class LanguageGuesser {

    /** Undetermined language (ISO 639-2 {@code und}). */
    public static final String UNDETERMINED = "und";

    private static final int MIN_LETTERS = 20;
    // Language identification needs a few sentences; longer samples cost time and add nothing.
    private static final int SAMPLE_CHARS = 400;
    private static final float MIN_LEAD = 1.2f;

    private static final String MODEL = "/opennlp-langdetect-20210413.bin";
    private static final java.util.Map<String, String> ISO_639_1 = iso6391ByThreeLetters();

    private final LanguageDetectorME detector;

    public LanguageGuesser() {
        try (InputStream model = LanguageGuesser.class.getResourceAsStream(MODEL)) {
            if (model == null) {
                throw new IOException(MODEL + " not on the class path");
            }
            detector = new LanguageDetectorME(new LanguageDetectorModel(model));
        } catch (IOException e) {
            throw new UncheckedIOException("language model missing from the class path", e);
        }
    }

    /** The ISO 639-1 code of the text's language, or {@code und} when too short or unclear. */
    public String guess(String text) {
        if (text == null || text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return UNDETERMINED;
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        Language[] results;
        synchronized (detector) {
            results = detector.predictLanguages(sample);
        }
        if (results.length == 0) {
            return UNDETERMINED;
        }
        // Scores are spread over ~100 languages, so they are small; what counts is a clear lead.
        double best = results[0].getConfidence();
        double runnerUp = results.length > 1 ? results[1].getConfidence() : 0;
        if (best < MIN_LEAD * runnerUp) {
            return UNDETERMINED;
        }
        return toIso6391(results[0].getLang());
    }

    private static String toIso6391(String code) {
        String language = code.toLowerCase(Locale.ROOT);
        return language.length() == 2 ? language : ISO_639_1.getOrDefault(language, UNDETERMINED);
    }

    /** ISO 639-2/3 three-letter codes (as the model answers) to ISO 639-1, built once. */
    private static java.util.Map<String, String> iso6391ByThreeLetters() {
        java.util.Map<String, String> codes = new java.util.HashMap<>();
        for (String iso : Locale.getISOLanguages()) {
            try {
                codes.putIfAbsent(new Locale(iso).getISO3Language(), iso);
            } catch (java.util.MissingResourceException ignored) {
                // Some locales have no three-letter code.
            }
        }
        return java.util.Map.copyOf(codes);
    }
}
