package dk.postfordeling.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormaliserTest {

    @Test
    void unifiesLineBreaksAndSpaces() {
        assertThat(TextNormaliser.normalise("  Kære\tkommune,  \r\nvi har\u00A0\u00A0et spørgsmål.  \r\n\r\n\r\n\r\nHilsen\rPer  "))
                .isEqualTo("Kære kommune,\nvi har et spørgsmål.\n\nHilsen\nPer");
    }

    @Test
    void joinsOnlyWordsBrokenAtALineEnd() {
        assertThat(TextNormaliser.normalise("parkerings-\nafgift")).isEqualTo("parkeringsafgift");
        assertThat(TextNormaliser.normalise("Nord-\nJylland")).isEqualTo("Nord-\nJylland");
        assertThat(TextNormaliser.normalise("pris -\nbeløb")).isEqualTo("pris -\nbeløb");
        assertThat(TextNormaliser.normalise("parkerings-\n\nafgift")).isEqualTo("parkerings-\n\nafgift");
    }

    @Test
    void emptyAndNullBecomeEmpty() {
        assertThat(TextNormaliser.normalise(null)).isEmpty();
        assertThat(TextNormaliser.normalise(" \n\t ")).isEmpty();
    }
}
