package dk.postfordeling.intake.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;
import org.springframework.stereotype.Component;

/**
 * Detects the language of a text with the OpenNLP language model that Tika ships (offline, 103
 * languages): one prediction on a short sample.
 *
 * <p>The model's features are the distinct lower-cased character 1–3-grams of the normalised text.
 * OpenNLP's own context generator builds them through a general n-gram model, which cost a quarter
 * of intake's CPU time for short e-mails; here the same features are built with one hash set and the
 * model is asked directly. {@code LanguageGuesserTest} checks both give the same probabilities.
 */
@Component
public class LanguageGuesser {

    /** Undetermined language (ISO 639-2 {@code und}). */
    public static final String UNDETERMINED = "und";

    private static final int MIN_LETTERS = 20;
    // Language identification needs a few sentences; longer samples cost time and add nothing.
    private static final int SAMPLE_CHARS = 256;
    private static final int MIN_GRAM = 1;
    private static final int MAX_GRAM = 3;
    private static final float MIN_LEAD = 1.2f;

    static final String MODEL = "/opennlp-langdetect-20210413.bin";
    private static final java.util.Map<String, String> ISO_639_1 = iso6391ByThreeLetters();

    /** The normalisers the model was trained with (OpenNLP's language detector defaults), in order. */
    private final CharSequenceNormalizer normaliser = new AggregateCharSequenceNormalizer(
            EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
            TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
            ShrinkCharSequenceNormalizer.getInstance());
    private final MaxentModel model;

    public LanguageGuesser() {
        this.model = loadModel().getMaxentModel();
    }

    static LanguageDetectorModel loadModel() {
        try (InputStream model = LanguageGuesser.class.getResourceAsStream(MODEL)) {
            if (model == null) {
                throw new IOException(MODEL + " not on the class path");
            }
            return new LanguageDetectorModel(model);
        } catch (IOException e) {
            throw new UncheckedIOException("language model missing from the class path", e);
        }
    }

    /** The ISO 639-1 code of the text's language, or {@code und} when too short or unclear. */
    public String guess(String text) {
        if (text == null || letters(text) < MIN_LETTERS) {
            return UNDETERMINED;
        }
        double[] probabilities = probabilities(text);
        int best = -1;
        int runnerUp = -1;
        for (int i = 0; i < probabilities.length; i++) {
            if (best < 0 || probabilities[i] > probabilities[best]) {
                runnerUp = best;
                best = i;
            } else if (runnerUp < 0 || probabilities[i] > probabilities[runnerUp]) {
                runnerUp = i;
            }
        }
        // Scores are spread over ~100 languages, so they are small; what counts is a clear lead.
        if (best < 0 || (runnerUp >= 0 && probabilities[best] < MIN_LEAD * probabilities[runnerUp])) {
            return UNDETERMINED;
        }
        return toIso6391(model.getOutcome(best));
    }

    /** The model's probability per language (indexed as the model's outcomes) for the text's sample. */
    double[] probabilities(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        return model.eval(features(sample));
    }

    String outcome(int index) {
        return model.getOutcome(index);
    }

    /** Distinct lower-cased character n-grams of the normalised text, as the model was trained on. */
    String[] features(CharSequence text) {
        String normalised = lowerCasePerCodePoint(normaliser.normalize(text));
        Set<String> grams = new HashSet<>(normalised.length() * 4);
        for (int length = MIN_GRAM; length <= MAX_GRAM; length++) {
            for (int start = 0; start + length <= normalised.length(); start++) {
                grams.add(normalised.substring(start, start + length));
            }
        }
        return grams.toArray(String[]::new);
    }

    /** Lower case code point by code point (never changing the length), as the model's training did. */
    private static String lowerCasePerCodePoint(CharSequence text) {
        StringBuilder lower = new StringBuilder(text.length());
        text.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
        return lower.toString();
    }

    private static int letters(String text) {
        int letters = 0;
        for (int i = 0; i < text.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        return letters;
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
