package dk.postfordeling.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.postfordeling.classifier.ClassifierProperties;
import dk.postfordeling.classifier.decision.DecisionPolicy;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.ExplainingPhrase;
import dk.postfordeling.contracts.ExtractionStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A model written by release 1 (format 1: hashed features, mean weights, no per-label thresholds),
 * kept as a fixture in {@code models/format-1}, still loads and predicts what it predicted then.
 */
class ReleaseOneModelTest {

    private static final Path FIXTURE = Path.of("src/test/resources/models/format-1");

    @Test
    void loadsAndPredictsAsItDidWhenWritten() throws Exception {
        try (TextClassifier classifier = TextClassifier.load(FIXTURE)) {
            assertThat(classifier.metadata().formatVersion()).isEqualTo(1);
            assertThat(classifier.metadata().hasThresholds()).isFalse();

            Prediction parking = classifier.predict("Jeg har fået en parkeringsafgift, men jeg havde betalt for parkering");
            assertThat(parking.top().label()).isEqualTo("parkering");
            assertThat(parking.top().probability()).isCloseTo(0.99991, within(1e-4));
            assertThat(parking.phrases()).extracting(ExplainingPhrase::phrase).startsWith("parkeringsafgift", "parkering");

            assertThat(classifier.predict("Skraldespanden er ikke blevet tømt i denne uge").top().probability())
                    .isCloseTo(0.99602, within(1e-4));
            assertThat(classifier.predict("Min mor har brug for hjemmehjælp og bad").top().label()).isEqualTo("pleje-og-omsorg");
        }
    }

    @Test
    void itsDecisionsUseTheConfiguredThreshold() throws Exception {
        try (TextClassifier classifier = TextClassifier.load(FIXTURE)) {
            Prediction prediction = classifier.predict("Skraldespanden er ikke blevet tømt i denne uge");
            assertThat(prediction.labelThreshold()).isNaN();

            var lenient = new DecisionPolicy(new ClassifierProperties(FIXTURE, 0.80, 0.5, 3, false, 2000, "none", java.time.Duration.ofSeconds(5)));
            var strict = new DecisionPolicy(new ClassifierProperties(FIXTURE, 0.999, 0.5, 3, false, 2000, "none", java.time.Duration.ofSeconds(5)));
            assertThat(lenient.decide(prediction, ExtractionStatus.EXTRACTED).decision()).isEqualTo(Decision.ROUTE);
            assertThat(strict.decide(prediction, ExtractionStatus.EXTRACTED).decision()).isEqualTo(Decision.REVIEW);
        }
    }
}
