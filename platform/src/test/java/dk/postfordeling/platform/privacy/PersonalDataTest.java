package dk.postfordeling.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void masksCprNumbersWithAndWithoutDash() {
        String text = "Mit CPR-nummer er 010203-1234, min søns er 3112991234.";

        assertThat(PersonalData.maskCpr(text))
                .isEqualTo("Mit CPR-nummer er [CPR], min søns er [CPR].");
        assertThat(PersonalData.countCpr(text)).isEqualTo(2);
    }

    /** "4 CPR-numre" must mean four people: the same number written again, with or without its dash, counts once. */
    @Test
    void countsDistinctNumbers() {
        String text = "Vedr. 0101701234. Jeg skriver igen om 010170-1234 og 010170 1234, og om min søn 020304-5678.";

        assertThat(PersonalData.countCpr(text)).isEqualTo(2);
        assertThat(PersonalData.maskCpr(text)).doesNotContainPattern("\\d{6}");
    }

    @Test
    void doesNotRequireModulus11() {
        // 010101-1000 fails the modulus-11 check but is a valid CPR number after 2007.
        assertThat(PersonalData.containsCpr("010101-1000")).isTrue();
    }

    @Test
    void leavesOtherNumbersAlone() {
        String text = "Sag 27.00.00-G01-1-24, telefon +45 33 66 33 66, konto 1234567890123, dato 2024-03-01.";

        assertThat(PersonalData.maskCpr(text)).isEqualTo(text);
        assertThat(PersonalData.countCpr(text)).isZero();
    }

    @Test
    void rejectsImpossibleDates() {
        assertThat(PersonalData.containsCpr("991399-1234")).isFalse();
    }
}
