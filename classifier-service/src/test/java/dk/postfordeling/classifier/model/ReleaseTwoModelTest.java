package dk.postfordeling.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.postfordeling.contracts.ExplainingPhrase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A model written before the hidden ReLU layer and the per-kind normalisation (format 2: a TF-IDF
 * vocabulary, an embedding fed straight to the output layer, all features normalised together),
 * kept as a fixture in {@code models/format-2}, still loads and predicts what that release's
 * {@code predict} command printed for the same texts.
 */
class ReleaseTwoModelTest {

    private static final Path FIXTURE = Path.of("src/test/resources/models/format-2");

    @Test
    void loadsAndPredictsAsItDidWhenWritten() throws Exception {
        try (TextClassifier classifier = TextClassifier.load(FIXTURE)) {
            assertThat(classifier.metadata().formatVersion()).isEqualTo(2);
            assertThat(classifier.metadata().training().hiddenRelu()).isFalse();
            assertThat(classifier.metadata().training().minSteps()).isZero();
            assertThat(classifier.metadata().features().normalisePerKind()).isFalse();

            Prediction parking = classifier.predict("Jeg har fået en parkeringsafgift og vil klage over den");
            assertThat(parking.top().label()).isEqualTo("parkering");
            assertThat(parking.top().probability()).isCloseTo(0.99978, within(1e-5));
            assertThat(parking.phrases()).extracting(ExplainingPhrase::phrase).startsWith("parkeringsafgift", "klage", "over");
            assertThat(parking.phrases().get(0).weight()).isCloseTo(8.585, within(1e-3));

            Prediction waste = classifier.predict("Hvornår bliver skraldet hentet på min vej?");
            assertThat(waste.top().label()).isEqualTo("affald");
            assertThat(waste.top().probability()).isCloseTo(0.99963, within(1e-5));
            assertThat(waste.phrases()).extracting(ExplainingPhrase::phrase).startsWith("skraldet", "hentet");

            Prediction care = classifier.predict("Min mor har brug for hjemmepleje");
            assertThat(care.top().label()).isEqualTo("pleje-og-omsorg");
            assertThat(care.phrases().get(0).phrase()).isEqualTo("hjemmepleje");
            assertThat(care.phrases().get(0).weight()).isCloseTo(9.803, within(1e-3));
        }
    }
}
