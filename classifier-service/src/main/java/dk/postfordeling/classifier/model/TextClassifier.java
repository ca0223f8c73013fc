package dk.postfordeling.classifier.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import dk.postfordeling.classifier.text.TextPreparation;
import dk.postfordeling.contracts.ExplainingPhrase;
import dk.postfordeling.contracts.LabelScore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained model, loaded and ready to predict. Predictions run through a DJL {@link Predictor};
 * explanations are computed from the same parameters, using the fact that the model is linear in
 * its features. Not thread-safe for prediction: {@link #predict} is synchronised.
 */
public final class TextClassifier implements AutoCloseable {

    private static final int EXPLAINING_PHRASES = 5;

    private final ModelMetadata metadata;
    private final Model model;
    private final Predictor<Features, float[]> predictor;
    private final FeatureExtractor extractor;
    private final float[] embedding;
    private final float[] outputWeight;

    private TextClassifier(ModelMetadata metadata, Model model, FeatureExtractor extractor) {
        this.metadata = metadata;
        this.model = model;
        this.extractor = extractor;
        BagOfFeaturesBlock block = (BagOfFeaturesBlock) model.getBlock();
        this.embedding = block.embeddingTable().toFloatArray();
        this.outputWeight = block.outputWeight().toFloatArray();
        this.predictor = model.newPredictor(new FeatureTranslator((float) metadata.temperature()));
    }

    /** Loads the model in a directory written by {@link ModelTrainer}, by this release or an earlier one. */
    public static TextClassifier load(Path dir) throws IOException {
        ModelMetadata metadata = ModelFiles.readMetadata(dir);
        Model model = Model.newInstance(ModelFiles.MODEL_NAME, Device.cpu());
        try {
            FeatureExtractor extractor;
            int rows;
            if (metadata.features().vocabulary()) {
                FeatureVocabulary vocabulary = FeatureVocabulary.read(dir, metadata.features());
                extractor = vocabulary;
                rows = vocabulary.rows();
            } else {
                extractor = new FeatureHasher(metadata.features(), ModelFiles.readVocabulary(dir));
                rows = metadata.features().buckets();
            }
            model.setBlock(new BagOfFeaturesBlock(rows, metadata.dimension(), metadata.labels().size()));
            model.load(dir, ModelFiles.MODEL_NAME);
            return new TextClassifier(metadata, model, extractor);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw new IOException("cannot load model from " + dir + ": " + e.getMessage(), e);
        }
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /** Predicts the labels of a text; a text without any word gets equal probabilities. */
    public synchronized Prediction predict(String text) {
        List<String> tokens = TextPreparation.tokens(text);
        Features features = extractor.features(tokens);
        List<String> labels = metadata.labels();
        float[] probabilities;
        if (features.isEmpty()) {
            probabilities = new float[labels.size()];
            java.util.Arrays.fill(probabilities, 1f / labels.size());
        } else {
            try {
                probabilities = predictor.predict(features);
            } catch (TranslateException e) {
                throw new IllegalStateException("prediction failed in model " + metadata.modelVersion(), e);
            }
        }
        List<LabelScore> ranked = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            ranked.add(new LabelScore(labels.get(i), probabilities[i]));
        }
        ranked.sort(Comparator.comparingDouble(LabelScore::probability).reversed().thenComparing(LabelScore::label));
        int words = features.words();
        double knownShare = words == 0 ? 0 : (double) features.knownWords() / words;
        List<ExplainingPhrase> phrases = features.isEmpty() ? List.of()
                : explain(features, labels.indexOf(ranked.get(0).label()));
        Double threshold = metadata.hasThresholds() ? metadata.thresholds().get(ranked.get(0).label()) : Double.valueOf(Double.NaN);
        return new Prediction(List.copyOf(ranked), words, knownShare, phrases, metadata.modelVersion(), threshold);
    }

    /**
     * Contribution of each phrase to the top label's score relative to the average label: the
     * model's score for a label is a weighted sum over features, so these add up exactly.
     */
    private List<ExplainingPhrase> explain(Features features, int label) {
        int dimension = metadata.dimension();
        int labels = metadata.labels().size();
        float[] direction = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            float mean = 0;
            for (int c = 0; c < labels; c++) {
                mean += outputWeight[c * dimension + d];
            }
            direction[d] = outputWeight[label * dimension + d] - mean / labels;
        }
        Map<String, Double> byPhrase = new LinkedHashMap<>();
        for (int j = 0; j < features.size(); j++) {
            String phrase = features.phrases()[j];
            if (phrase.equals(TextPreparation.NUMBER)) {
                continue;
            }
            int row = features.indices()[j] * dimension;
            double dot = 0;
            for (int d = 0; d < dimension; d++) {
                dot += embedding[row + d] * direction[d];
            }
            byPhrase.merge(phrase, features.weights()[j] * dot / metadata.temperature(), Double::sum);
        }
        return byPhrase.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(EXPLAINING_PHRASES)
                .map(e -> new ExplainingPhrase(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0))
                .toList();
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }

    private static final class FeatureTranslator implements NoBatchifyTranslator<Features, float[]> {

        private final float temperature;

        FeatureTranslator(float temperature) {
            this.temperature = temperature;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, Features features) {
            NDManager manager = ctx.getNDManager();
            long[] indices = new long[features.size()];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = features.indices()[i];
            }
            return new NDList(manager.create(indices, new Shape(1, indices.length)),
                    manager.create(features.weights(), new Shape(1, indices.length)));
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            NDArray scores = list.singletonOrThrow();
            return scores.div(temperature).softmax(-1).toFloatArray();
        }
    }
}
