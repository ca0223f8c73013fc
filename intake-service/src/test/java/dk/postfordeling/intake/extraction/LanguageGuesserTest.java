package dk.postfordeling.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;

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
}
