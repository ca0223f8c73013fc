package dk.postfordeling.intake.extraction;

import dk.postfordeling.platform.collections.LongIntTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
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
 * OpenNLP's own context generator builds them through a general n-gram model, and its model looks
 * each one up as a new string; together that had been a quarter of intake's CPU time for short
 * e-mails. Here each n-gram is packed into a {@code long} (its length and up to three UTF-16 chars),
 * the model's weights are copied once into flat arrays found through a {@link LongIntTable}, and the
 * maximum-entropy sum is done without strings. {@code LanguageGuesserTest} checks the probabilities
 * are those of OpenNLP's own detector.
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
    private final String[] languages;
    /** Packed n-gram to its row (1-based) in {@link #rowStart}; 0 where the model does not know it. */
    private final LongIntTable rows;
    /** Row r's weights are {@code weights[rowStart[r - 1] .. rowStart[r])}, one per language in {@link #languageOf}. */
    private final int[] rowStart;
    private final int[] languageOf;
    private final double[] weights;
    /** The model's uniform prior: log(1 / number of languages). */
    private final double logPrior;

    public LanguageGuesser() {
        AbstractModel model = (AbstractModel) loadModel().getMaxentModel();
        this.languages = new String[model.getNumOutcomes()];
        for (int i = 0; i < languages.length; i++) {
            languages[i] = model.getOutcome(i);
        }
        this.logPrior = StrictMath.log(1.0 / languages.length);
        @SuppressWarnings("unchecked")
        Map<String, Context> byGram = (Map<String, Context>) model.getDataStructures()[1];
        List<Map.Entry<String, Context>> grams = byGram.entrySet().stream()
                .filter(entry -> entry.getKey().length() >= MIN_GRAM && entry.getKey().length() <= MAX_GRAM).toList();
        this.rows = new LongIntTable(grams.size());
        this.rowStart = new int[grams.size() + 1];
        int entries = grams.stream().mapToInt(entry -> entry.getValue().getOutcomes().length).sum();
        this.languageOf = new int[entries];
        this.weights = new double[entries];
        int at = 0;
        for (int row = 0; row < grams.size(); row++) {
            String gram = grams.get(row).getKey();
            Context context = grams.get(row).getValue();
            rows.put(pack(gram, 0, gram.length()), row + 1);
            System.arraycopy(context.getOutcomes(), 0, languageOf, at, context.getOutcomes().length);
            System.arraycopy(context.getParameters(), 0, weights, at, context.getParameters().length);
            at += context.getOutcomes().length;
            rowStart[row + 1] = at;
        }
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
        return toIso6391(languages[best]);
    }

    /** The model's probability per language (indexed as the model's outcomes) for the text's sample. */
    double[] probabilities(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        long[] grams = grams(lowerCasePerCodePoint(normaliser.normalize(sample)));
        double[] sums = new double[languages.length];
        Arrays.fill(sums, logPrior);
        for (int i = 0; i < grams.length; i++) {
            if (i > 0 && grams[i] == grams[i - 1]) {
                continue; // each distinct n-gram counts once, as in training
            }
            int row = rows.get(grams[i]);
            if (row > 0) {
                for (int entry = rowStart[row - 1]; entry < rowStart[row]; entry++) {
                    sums[languageOf[entry]] += weights[entry];
                }
            }
        }
        double total = 0;
        for (int i = 0; i < sums.length; i++) {
            sums[i] = StrictMath.exp(sums[i]);
            total += sums[i];
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= total;
        }
        return sums;
    }

    String outcome(int index) {
        return languages[index];
    }

    /** Every character 1–3-gram of the text, packed and sorted, so equal n-grams are neighbours. */
    static long[] grams(String text) {
        int n = text.length();
        long[] grams = new long[n + Math.max(0, n - 1) + Math.max(0, n - 2)];
        int count = 0;
        for (int length = MIN_GRAM; length <= MAX_GRAM; length++) {
            for (int start = 0; start + length <= n; start++) {
                grams[count++] = pack(text, start, length);
            }
        }
        Arrays.sort(grams);
        return grams;
    }

    /** An n-gram of one to three UTF-16 chars as one number: its length, then its chars, 16 bits each. */
    static long pack(CharSequence text, int start, int length) {
        long packed = length;
        for (int i = start; i < start + length; i++) {
            packed = packed << 16 | text.charAt(i);
        }
        return packed;
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
