package dk.postfordeling.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dk.postfordeling.classifier.ClassifierProperties;
import dk.postfordeling.classifier.decision.DecisionPolicy;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.ExtractionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last model written in format 2 (hidden ReLU layer, per-kind normalisation, per-label Wilson
 * thresholds from two folds), kept as a fixture in {@code models/format-2-hidden-layer}: trained by
 * that release's {@code train --dimension 32} on the bundled sample. It still loads, predicts and
 * decides what that release's {@code predict} command printed for the same texts. A format this
 * release does not know is refused with a message that says so.
 */
class LastFormatTwoModelTest {

    private static final Path FIXTURE = Path.of("src/test/resources/models/format-2-hidden-layer");

    @Test
    void theLastFormatTwoModelLoadsPredictsAndDecidesAsItDidWhenWritten() throws Exception {
        DecisionPolicy policy = new DecisionPolicy(ClassifierProperties.defaults(FIXTURE));
        try (TextClassifier classifier = TextClassifier.load(FIXTURE)) {
            ModelMetadata metadata = classifier.metadata();
            assertThat(metadata.formatVersion()).isEqualTo(2);
            assertThat(metadata.training().hiddenRelu()).isTrue();
            assertThat(metadata.expectation()).as("format 2 has no routing expectation").isNull();
            assertThat(metadata.thresholds()).containsEntry("affald", 0.5).containsEntry("parkering", 0.823446491486726);

            Prediction parking = classifier.predict("Jeg har fået en parkeringsafgift og vil klage over den");
            assertThat(parking.top().label()).isEqualTo("parkering");
            assertThat(parking.top().probability()).isCloseTo(0.9999967, within(1e-6));
            assertThat(parking.phrases().get(0).phrase()).isEqualTo("parkeringsafgift");
            assertThat(parking.phrases().get(0).weight()).isCloseTo(8.391, within(1e-3));
            assertThat(policy.decide(parking, ExtractionStatus.EXTRACTED).decision()).isEqualTo(Decision.ROUTE);

            Prediction waste = classifier.predict("Hvornår bliver skraldet hentet på min vej?");
            assertThat(waste.top().label()).isEqualTo("affald");
            assertThat(waste.top().probability()).isCloseTo(0.9941754, within(1e-6));
            assertThat(waste.phrases()).extracting(p -> p.phrase()).startsWith("skraldet", "hentet");
            assertThat(waste.phrases().get(1).weight()).isCloseTo(2.181, within(1e-3));

            Prediction care = classifier.predict("Min mor har brug for hjemmepleje");
            assertThat(care.top().label()).isEqualTo("pleje-og-omsorg");
            assertThat(care.top().probability()).isCloseTo(0.9999893, within(1e-6));
            assertThat(care.phrases().get(0).weight()).isCloseTo(4.845, within(1e-3));

            Prediction weather = classifier.predict("Jeg vil gerne vide noget om vejret i morgen");
            assertThat(weather.top().label()).isEqualTo("byggeri");
            assertThat(weather.top().probability()).isCloseTo(0.4697188, within(1e-6));
            DecisionPolicy.Outcome outcome = policy.decide(weather, ExtractionStatus.EXTRACTED);
            assertThat(outcome.decision()).isEqualTo(Decision.REVIEW);
            assertThat(outcome.reasons()).extracting(r -> r.code()).contains("NO_CHARACTERISTIC_WORDS", "LOW_CONFIDENCE");
        }
    }

    @Test
    void aFormatThisReleaseDoesNotKnowIsRefusedWithAMessageThatSaysSo(@TempDir Path dir) throws Exception {
        for (String file : new String[] {"model.json", "features.bin", "postfordeling-0000.params"}) {
            Files.copy(FIXTURE.resolve(file), dir.resolve(file));
        }
        String json = Files.readString(dir.resolve("model.json"));
        Files.writeString(dir.resolve("model.json"), json.replace("\"formatVersion\" : 2", "\"formatVersion\" : 9"));

        assertThatThrownBy(() -> TextClassifier.load(dir))
                .hasMessageContaining("has model format 9, which this release cannot read; it reads formats [1, 2, 3]")
                .hasMessageContaining("written by a newer release");

        Files.writeString(dir.resolve("model.json"), json.replace("\"formatVersion\" : 2,", ""));
        assertThatThrownBy(() -> TextClassifier.load(dir)).hasMessageContaining("has model format 0");
    }
}
