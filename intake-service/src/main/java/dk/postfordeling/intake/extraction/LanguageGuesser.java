package dk.postfordeling.intake.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.springframework.stereotype.Component;

/** Detects the language of a text with Tika's OpenNLP language detector (offline, ~100 languages). */
@Component
public class LanguageGuesser {

    /** Undetermined language (ISO 639-2 {@code und}). */
    public static final String UNDETERMINED = "und";

    private static final int MIN_LETTERS = 20;
    // Language identification needs a few sentences; longer samples cost time and add nothing.
    private static final int SAMPLE_CHARS = 400;
    private static final float MIN_LEAD = 1.2f;

    private final OpenNLPDetector detector;

    public LanguageGuesser() {
        try {
            detector = new OpenNLPDetector();
            detector.loadModels();
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
        List<LanguageResult> results;
        synchronized (detector) {
            detector.reset();
            detector.addText(sample);
            results = detector.detectAll();
        }
        if (results.isEmpty()) {
            return UNDETERMINED;
        }
        // Scores are spread over ~100 languages, so they are small; what counts is a clear lead.
        float best = results.get(0).getRawScore();
        float runnerUp = results.size() > 1 ? results.get(1).getRawScore() : 0f;
        if (best < MIN_LEAD * runnerUp) {
            return UNDETERMINED;
        }
        return toIso6391(results.get(0).getLanguage());
    }

    private static String toIso6391(String code) {
        String language = code.toLowerCase(Locale.ROOT);
        if (language.length() == 2) {
            return language;
        }
        for (String iso : Locale.getISOLanguages()) {
            try {
                if (new Locale(iso).getISO3Language().equals(language)) {
                    return iso;
                }
            } catch (java.util.MissingResourceException ignored) {
                // Some locales have no three-letter code.
            }
        }
        return UNDETERMINED;
    }
}
