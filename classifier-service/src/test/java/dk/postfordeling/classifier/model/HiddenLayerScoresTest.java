package dk.postfordeling.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import dk.postfordeling.classifier.text.TextPreparation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier predicts with plain arrays instead of running the DJL network per mail. For the
 * network with a hidden ReLU layer, that must give the network's own scores, and the explanation
 * must credit the phrases through the hidden units the mail switched on. The same for the network
 * without an embedding (one weight per feature and label).
 */
class HiddenLayerScoresTest {

    private static final List<String> TEXTS = List.of(
            "Klage over parkeringsafgift. Jeg har fået en kontrolafgift, selvom jeg har beboerlicens til zonen.",
            "Vores storskrald blev ikke afhentet i tirsdags. Kan skraldebilen komme igen?",
            "Min mor har brug for hjemmehjælp og hjælp til bad efter sin operation.",
            "Hvornår starter skoleåret, og hvordan melder jeg mit barn ind i 0. klasse?");

    @TempDir
    Path models;

    @Test
    void arrayPredictionsEqualTheNetworksOwnScores() throws Exception {
        checkAgainstNetwork(new TrainingOptions(32, 15, 0.001f, 64, 7L, 0f, 0, 0.95, 8, true, 300, null));
    }

    @Test
    void withoutAnEmbeddingTheSameHolds() throws Exception {
        checkAgainstNetwork(new TrainingOptions(0, 15, 0.01f, 64, 7L, 0f, 0, 0.95, 8, false, 300, null));
    }

    private void checkAgainstNetwork(TrainingOptions options) throws Exception {
        ModelMetadata trained = new ModelTrainer(Clock.systemUTC()).train(SampleModel.sampleData(), options,
                FeatureConfig.defaults(), "bundled-sample", true, "model", models);
        Path dir = models.resolve(trained.modelVersion());
        FeatureVocabulary vocabulary = VocabularyFile.read(dir, trained.features());
        List<Features> features = TEXTS.stream().map(t -> vocabulary.features(TextPreparation.tokens(t)).sortedByRow()).toList();
        int labels = trained.labels().size();

        List<float[]> networkScores;
        try (Model model = Model.newInstance(ModelFiles.MODEL_NAME, Device.cpu())) {
            model.setBlock(new BagOfFeaturesBlock(vocabulary.rows(), options.dimension(), labels, options.hiddenRelu()));
            model.load(dir, ModelFiles.MODEL_NAME);
            networkScores = WordsNetwork.scores(model, features, labels);
        }

        try (TextClassifier classifier = TextClassifier.load(dir)) {
            for (int i = 0; i < TEXTS.size(); i++) {
                double[] expected = Calibration.softmax(networkScores.get(i), trained.temperature());
                Prediction prediction = classifier.predict(TEXTS.get(i));
                for (var score : prediction.ranked()) {
                    assertThat(score.probability())
                            .as("%s for text %d", score.label(), i)
                            .isCloseTo(expected[trained.labels().indexOf(score.label())], within(1e-5));
                }
                assertThat(prediction.phrases()).isNotEmpty();
                assertThat(prediction.phrases().get(0).weight()).isPositive();
            }
            assertThat(classifier.predict(TEXTS.get(0)).top().label()).isEqualTo("parkering");
            assertThat(classifier.predict(TEXTS.get(0)).phrases())
                    .extracting(p -> p.phrase()).anyMatch(p -> p.startsWith("parkering") || p.equals("kontrolafgift"));
        }
    }
}
