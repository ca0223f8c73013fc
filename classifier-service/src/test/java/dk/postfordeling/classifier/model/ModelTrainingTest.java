package dk.postfordeling.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.ExplainingPhrase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainingTest {

    private static final String PARKING = "Klage over parkeringsafgift. Jeg har fået en kontrolafgift, selvom jeg har beboerlicens til zonen.";
    private static final String WASTE = "Vores storskrald blev ikke afhentet i tirsdags. Kan skraldebilen komme igen?";

    @TempDir
    static Path models;

    static ModelMetadata trained;

    @BeforeAll
    static void trainOnSample() throws Exception {
        trained = trainer().train(SampleModel.sampleData(), TrainingOptions.defaults(), FeatureConfig.defaults(),
                "bundled-sample", true, "sample-da", models);
    }

    @Test
    void learnsToTellMailboxesApart() throws Exception {
        try (TextClassifier classifier = TextClassifier.load(models.resolve(trained.modelVersion()))) {
            assertThat(classifier.predict(PARKING).top().label()).isEqualTo("parkering");
            assertThat(classifier.predict(WASTE).top().label()).isEqualTo("affald");
            assertThat(classifier.predict(PARKING).top().probability()).isGreaterThan(0.8);
        }
    }

    @Test
    void explainsAPredictionWithTheMailsOwnWords() throws Exception {
        try (TextClassifier classifier = TextClassifier.load(models.resolve(trained.modelVersion()))) {
            Prediction prediction = classifier.predict(PARKING);

            assertThat(prediction.phrases()).isNotEmpty().allSatisfy(p -> assertThat(p.weight()).isPositive());
            assertThat(prediction.phrases().stream().map(ExplainingPhrase::phrase))
                    .contains("parkeringsafgift")
                    .allSatisfy(phrase -> assertThat(PARKING.toLowerCase()).contains(phrase));
            assertThat(prediction.phrases()).isSortedAccordingTo((a, b) -> Double.compare(b.weight(), a.weight()));
        }
    }

    @Test
    void theBundledEnglishEncoderIsDroppedWhereItDoesNotHelpTheDanishSample() {
        assertThat(trained.evaluation()).containsEntry("secondStageKept", 0.0)
                .containsKeys("crossValidatedCascadeAccuracy", "crossValidatedSecondStageShare");
        assertThat(trained.evaluation().get("crossValidatedCascadeAccuracy"))
                .isLessThanOrEqualTo(trained.evaluation().get("crossValidatedAccuracy"));
        assertThat(trained.meaning()).isNull();
    }

    /**
     * English requests where half of each label's texts say it in the label's own words and half in
     * other words: the words are sure of the first kind, the sentence's meaning is needed for the second.
     */
    @Test
    void consultsTheSentenceMeaningOnlyWhereTheWordsAreNotSure(@TempDir Path cascadeModels) throws Exception {
        java.util.List<LabelledText> paraphrases;
        try (java.io.InputStream in = ModelTrainingTest.class.getResourceAsStream("/cascade/paraphrases-en.csv")) {
            paraphrases = TrainingDataFiles.readCsv(in, "paraphrases-en");
        }
        ModelMetadata cascade = trainer().train(paraphrases, TrainingOptions.defaults(), FeatureConfig.defaults(),
                "paraphrases-en", false, "cascade", cascadeModels);

        assertThat(cascade.evaluation()).containsEntry("secondStageKept", 1.0);
        assertThat(cascade.evaluation().get("crossValidatedCascadeAccuracy"))
                .isGreaterThan(cascade.evaluation().get("crossValidatedAccuracy"));
        assertThat(cascade.meaning().spec().name()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(cascade.meaning().dimension()).isEqualTo(384);
        assertThat(cascade.meaning().thresholds()).containsOnlyKeys(cascade.labels());
        assertThat(cascade.labelWords()).containsOnlyKeys(cascade.labels())
                .allSatisfy((label, share) -> assertThat(share).isBetween(0.0, 1.0));
        try (TextClassifier classifier = TextClassifier.load(cascadeModels.resolve(cascade.modelVersion()))) {
            Prediction sure = classifier.predict("Lost card: my card is lost, please block the lost card.");
            assertThat(sure.top().label()).isEqualTo("lost-card");
            assertThat(sure.meaningShare()).as("the words route it alone").isNull();
            assertThat(sure.labelThreshold()).isEqualTo(cascade.thresholds().get("lost-card"));

            Prediction unsure = classifier.predict("Hello, could you call me back?");
            assertThat(unsure.meaningShare()).as("the second stage decided").isBetween(0.0, 1.0);
            assertThat(unsure.labelThreshold()).isEqualTo(cascade.meaning().thresholds().get(unsure.top().label()));
            assertThat(unsure.ranked().stream().mapToDouble(l -> l.probability()).sum()).isCloseTo(1.0,
                    org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    @Test
    void sameSeedAndDataGiveTheSamePredictions() throws Exception {
        ModelMetadata again = trainer().train(SampleModel.sampleData(), TrainingOptions.defaults(), FeatureConfig.defaults(),
                "bundled-sample", true, "again", models);

        try (TextClassifier first = TextClassifier.load(models.resolve(trained.modelVersion()));
                TextClassifier second = TextClassifier.load(models.resolve(again.modelVersion()))) {
            for (String text : new String[] {PARKING, WASTE, "Hej, kan I ringe mig op?"}) {
                assertThat(second.predict(text).ranked()).isEqualTo(first.predict(text).ranked());
            }
        }
    }

    @Test
    void recordsProvenanceWithTheModel() throws Exception {
        ModelMetadata read = ModelFiles.readMetadata(models.resolve(trained.modelVersion()));

        assertThat(read).isEqualTo(trained);
        assertThat(read.modelVersion()).startsWith("sample-da-20261102T081500Z-");
        assertThat(read.data().rows()).isEqualTo(SampleModel.sampleData().size());
        assertThat(read.data().sample()).isTrue();
        assertThat(read.data().sha256()).hasSize(64);
        assertThat(read.labels()).contains("parkering", "affald", "byggeri", "borgerservice");
        assertThat(read.libraries()).containsEntry("djl", "0.35.1").containsKey("engine");
        assertThat(read.training().seed()).isEqualTo(42L);
        assertThat(read.formatVersion()).isEqualTo(ModelMetadata.CURRENT_FORMAT);
        assertThat(read.features().scheme()).isEqualTo(FeatureConfig.VOCABULARY_TFIDF);
    }

    @Test
    void isCalibratedAndCarriesAThresholdPerLabelFromCrossValidation() {
        assertThat(trained.hasThresholds()).isTrue();
        assertThat(trained.thresholds()).containsOnlyKeys(trained.labels());
        assertThat(trained.thresholds().values()).filteredOn(java.util.Objects::nonNull)
                .isNotEmpty().allSatisfy(t -> assertThat(t).isBetween(0.0, 1.0));
        assertThat(trained.temperature()).isPositive().isNotEqualTo(1.0);
        assertThat(trained.evaluation()).containsKeys("crossValidatedAccuracy", "crossValidatedLogLossCalibrated",
                "crossValidatedAutoRoutedPrecision");
        assertThat(trained.evaluation().get("crossValidatedLogLossCalibrated"))
                .isLessThanOrEqualTo(trained.evaluation().get("crossValidatedLogLossUncalibrated"));
    }

    @Test
    void theModelFilesHoldNoReadableTextOfTheTrainingMail() throws Exception {
        Path dir = models.resolve(trained.modelVersion());
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path file : files.toList()) {
                String content = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.getFileName().toString()).doesNotContain("beboerlicens", "skraldebil", "storskrald");
            }
        }
    }

    @Test
    void textUnlikeTheTrainingDataIsMeasuredAsUnfamiliar() throws Exception {
        try (TextClassifier classifier = TextClassifier.load(models.resolve(trained.modelVersion()))) {
            assertThat(classifier.predict("The quarterly earnings report exceeded analyst expectations").knownWordShare())
                    .isLessThan(0.3);
            assertThat(classifier.predict(PARKING).knownWordShare()).isGreaterThan(0.7);
        }
    }

    private static ModelTrainer trainer() {
        return new ModelTrainer(Clock.fixed(Instant.parse("2026-11-02T08:15:00Z"), ZoneOffset.UTC));
    }
}
