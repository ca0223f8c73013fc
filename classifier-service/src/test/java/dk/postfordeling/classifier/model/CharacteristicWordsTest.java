package dk.postfordeling.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.classifier.text.TextPreparation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharacteristicWordsTest {

    private static final List<String> TEXTS = List.of(
            "Spørgsmål om parkeringsafgift, kan I hjælpe",
            "Klage over parkeringsafgift",
            "Parkeringsafgift på Vesterbrogade, spørgsmål",
            "Spørgsmål om storskrald, kan I hjælpe",
            "Storskrald ikke hentet",
            "Spørgsmål om skraldespand og storskrald");
    private static final int[] TARGETS = {0, 0, 0, 1, 1, 1};

    @Test
    void aWordMostTextsOfOneLabelShareIsCharacteristicAndAWordEveryLabelUsesIsNot(@TempDir Path dir) throws Exception {
        FeatureVocabulary built = VocabularyBuilder.build(TEXTS.stream().map(TextPreparation::tokens).toList(), TARGETS, 2,
                FeatureConfig.defaults());
        VocabularyFile.write(built, dir);
        FeatureVocabulary read = VocabularyFile.read(dir, FeatureConfig.defaults());

        for (FeatureVocabulary vocabulary : List.of(built, read)) {
            Features mail = vocabulary.features(TextPreparation.tokens("Et spørgsmål om min parkeringsafgift, kan I hjælpe"));
            assertThat(mail.characteristicWords()).containsOnlyKeys(0);
            assertThat(mail.characteristicWords().get(0)).containsExactly("parkeringsafgift");

            Features general = vocabulary.features(TextPreparation.tokens("Spørgsmål, kan I hjælpe"));
            assertThat(general.characteristicWords()).isEmpty();
        }
    }

    @Test
    void aVocabularyBuiltWithoutLabelsKnowsNoCharacteristicWords(@TempDir Path dir) throws Exception {
        FeatureVocabulary unlabelled = VocabularyBuilder.build(TEXTS.stream().map(TextPreparation::tokens).toList(),
                FeatureConfig.defaults());
        VocabularyFile.write(unlabelled, dir);

        assertThat(VocabularyFile.read(dir, FeatureConfig.defaults())
                .features(TextPreparation.tokens("parkeringsafgift")).characteristicWords()).isNull();
    }
}
