package dk.postfordeling.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextPreparationTest {

    @Test
    void replacesPersonalDataWithPlaceholdersBeforeTheModelSeesIt() {
        var tokens = TextPreparation.tokens(
                "Mit CPR er 070809-1234, skriv til ole.p@example.org eller ring +45 33 66 33 66, se www.kk.dk/pas");

        assertThat(tokens).contains("<cpr>", "<email>", "<phone>", "<url>")
                .doesNotContain("070809", "1234", "ole", "example", "33", "66");
    }

    @Test
    void lowerCasesAndKeepsDanishLetters() {
        assertThat(TextPreparation.tokens("Ældrepleje på Østerbro – ÅBEN"))
                .containsExactly("ældrepleje", "på", "østerbro", "åben");
    }

    @Test
    void numbersBecomeOnePlaceholder() {
        assertThat(TextPreparation.tokens("carport på 40 m2")).containsExactly("carport", "på", "<num>", "m2");
    }

    @Test
    void phoneNumbersWrittenInPairsOrInOneRunAreMasked() {
        assertThat(TextPreparation.tokens("ring 12 34 56 78 eller 87654321 i dag"))
                .containsExactly("ring", "<phone>", "eller", "<phone>", "i", "dag");
        assertThat(TextPreparation.tokens("CPR 0101901234 og 010190 1234"))
                .containsExactly("cpr", "<cpr>", "og", "<cpr>");
    }

    @Test
    void shortNumbersAndDatesAreNumbersNotPersonalData() {
        assertThat(TextPreparation.tokens("mødet 12.03.2019 kl. 10.00, sag 2019-123"))
                .containsExactly("mødet", "<num>", "<num>", "<num>", "kl", "<num>", "<num>", "sag", "<num>", "<num>");
    }

    @Test
    void wordsOfEveryScriptAreTokensAndOtherCharactersSeparateThem() {
        assertThat(TextPreparation.tokens("½ kop, ٣٤ og 𐐀bc; x\u0001y \u0001ab"))
                .containsExactly("½", "kop", "<num>", "og", "𐐨bc", "x", "y", "ab");
    }
}
