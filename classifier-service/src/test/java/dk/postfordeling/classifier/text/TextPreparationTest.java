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
}
