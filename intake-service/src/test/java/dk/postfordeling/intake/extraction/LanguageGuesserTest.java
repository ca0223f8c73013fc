package dk.postfordeling.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import org.junit.jupiter.api.Test;

class LanguageGuesserTest {

    private static final LanguageGuesser GUESSER = new LanguageGuesser();

    @Test
    void tellsDanishFromItsNeighboursAndOtherLanguages() {
        assertThat(GUESSER.guess("Jeg har fået en parkeringsafgift på Vesterbrogade, men jeg har en gyldig beboerlicens til zonen."))
                .isEqualTo("da");
        assertThat(GUESSER.guess("I received a parking fine yesterday although I have a valid resident permit for the zone."))
                .isEqualTo("en");
        assertThat(GUESSER.guess("Ich habe gestern einen Strafzettel bekommen, obwohl ich einen gültigen Anwohnerparkausweis habe."))
                .isEqualTo("de");
        assertThat(GUESSER.guess("Otrzymałem wczoraj mandat za parkowanie, chociaż mam ważne pozwolenie mieszkańca na tę strefę."))
                .isEqualTo("pl");
    }

    @Test
    void tooLittleTextIsUndetermined() {
        assertThat(GUESSER.guess("Hej")).isEqualTo(LanguageGuesser.UNDETERMINED);
        assertThat(GUESSER.guess(null)).isEqualTo(LanguageGuesser.UNDETERMINED);
    }

    @Test
    void givesTheSameProbabilitiesAsOpenNlpsOwnDetector() {
        LanguageDetectorME reference = new LanguageDetectorME(LanguageGuesser.loadModel());
        List<String> texts = List.of(
                "Kære kommune. Vores storskrald blev ikke afhentet i tirsdags, se https://kommune.example/affald #skrald 2024 🙂 søøøøø!",
                "Dear municipality, my son's school bus has been late 12 times since August. Please call me on 12 34 56 78.",
                "Bonjour, je voudrais savoir quand la piscine municipale rouvre après les travaux d'été.",
                "Ελπίζω να λάβω απάντηση σύντομα ΣΧΕΤΙΚΆ με την αίτησή μου.",
                "İstanbul'dan taşındım ve adres değişikliği yapmak istiyorum.");
        for (String text : texts) {
            Language[] expected = reference.predictLanguages(text);
            double[] actual = GUESSER.probabilities(text);
            for (Language language : expected) {
                int index = indexOf(language.getLang());
                assertThat(actual[index]).as(text + " / " + language.getLang()).isCloseTo(language.getConfidence(), within(1e-12));
            }
        }
    }

    @Test
    void everyNGramIsPackedOnceAndEqualOnesLieTogether() {
        long[] grams = LanguageGuesser.grams("abab");
        // 4 single chars, 3 pairs, 2 triples; distinct: a, b, ab, ba, aba, bab.
        assertThat(grams).hasSize(9);
        assertThat(java.util.Arrays.stream(grams).distinct().count()).isEqualTo(6);
        assertThat(grams).isSorted();
        // The length is part of the key: a lone "a" is not a NUL followed by "a".
        assertThat(LanguageGuesser.pack("a", 0, 1)).isNotEqualTo(LanguageGuesser.pack("\u0000a", 0, 2));
        assertThat(LanguageGuesser.pack("xabcx", 1, 3)).isEqualTo(LanguageGuesser.pack("abc", 0, 3));
    }

    @Test
    void veryShortTextStillGivesADistribution() {
        for (String text : List.of("", "a", "æø")) {
            assertThat(java.util.Arrays.stream(GUESSER.probabilities(text)).sum()).as(text).isCloseTo(1.0, within(1e-9));
        }
    }

    private static int indexOf(String outcome) {
        for (int i = 0; ; i++) {
            if (GUESSER.outcome(i).equals(outcome)) {
                return i;
            }
        }
    }
}
