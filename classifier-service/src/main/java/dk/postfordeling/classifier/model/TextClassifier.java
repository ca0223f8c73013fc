package dk.postfordeling.classifier.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import dk.postfordeling.classifier.text.TextPreparation;
import dk.postfordeling.contracts.ExplainingPhrase;
import dk.postfordeling.contracts.LabelScore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained model, loaded and ready to predict.
 *
 * <p>The network ({@link BagOfFeaturesBlock}) is linear in its features: a label's score is
 * {@code bias + sum over features of weight * (embedding row . output row of the label)}. On loading,
 * DJL multiplies the embedding table by the output layer once ({@code [rows, dimension] x [dimension,
 * labels]}), and each prediction then sums one small row per feature of the mail — the same scores as
 * running the network, without a native call per mail. The same table gives the explanation: each
 * phrase's exact share of the top label's score. Thread-safe: nothing is mutated after loading.
 */
public final class TextClassifier implements AutoCloseable {

    private static final int EXPLAINING_PHRASES = 5;

    private final ModelMetadata metadata;
    private final FeatureExtractor extractor;
    private final int labelCount;
    /** Per feature row and label: the feature's contribution to the label's score at weight 1, {@code [rows * labels]}. */
    private final float[] labelWeights;
    /** Per feature row: the mean of its label weights, for "relative to the average label". */
    private final float[] meanLabelWeight;
    private final float[] bias;

    private TextClassifier(ModelMetadata metadata, Model model, FeatureExtractor extractor) {
        this.metadata = metadata;
        this.extractor = extractor;
        this.labelCount = metadata.labels().size();
        BagOfFeaturesBlock block = (BagOfFeaturesBlock) model.getBlock();
        try (NDArray folded = block.embeddingTable().matMul(block.outputWeight().transpose())) {
            this.labelWeights = folded.toFloatArray();
        }
        this.bias = block.outputBias().toFloatArray();
        int rows = labelWeights.length / labelCount;
        this.meanLabelWeight = new float[rows];
        for (int row = 0; row < rows; row++) {
            float sum = 0;
            for (int label = 0; label < labelCount; label++) {
                sum += labelWeights[row * labelCount + label];
            }
            meanLabelWeight[row] = sum / labelCount;
        }
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
            throw new IOException("cannot load model from " + dir + ": " + e.getMessage(), e);
        } finally {
            model.close();
        }
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /** Predicts the labels of a text; a text without any word gets equal probabilities. */
    public Prediction predict(String text) {
        List<String> tokens = TextPreparation.tokens(text);
        Features features = extractor.features(tokens);
        List<String> labels = metadata.labels();
        float[] probabilities;
        if (features.isEmpty()) {
            probabilities = new float[labels.size()];
            java.util.Arrays.fill(probabilities, 1f / labels.size());
        } else {
            probabilities = probabilities(features);
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
        Map<String, List<String>> characteristic = null;
        if (features.characteristicWords() != null) {
            characteristic = new java.util.TreeMap<>();
            for (Map.Entry<Integer, java.util.Set<String>> found : features.characteristicWords().entrySet()) {
                characteristic.put(labels.get(found.getKey()), List.copyOf(found.getValue()));
            }
        }
        return new Prediction(List.copyOf(ranked), words, knownShare, phrases, metadata.modelVersion(), threshold,
                characteristic);
    }

    /** Softmax of the label scores divided by the model's calibration temperature. */
    private float[] probabilities(Features features) {
        float[] scores = bias.clone();
        int[] rows = features.rows();
        float[] rowWeights = features.rowWeights();
        for (int j = 0; j < rows.length; j++) {
            int offset = rows[j] * labelCount;
            float weight = rowWeights[j];
            for (int label = 0; label < labelCount; label++) {
                scores[label] += weight * labelWeights[offset + label];
            }
        }
        double temperature = metadata.temperature();
        double max = Double.NEGATIVE_INFINITY;
        for (float score : scores) {
            max = Math.max(max, score / temperature);
        }
        double[] exp = new double[labelCount];
        double sum = 0;
        for (int label = 0; label < labelCount; label++) {
            exp[label] = Math.exp(scores[label] / temperature - max);
            sum += exp[label];
        }
        float[] probabilities = new float[labelCount];
        for (int label = 0; label < labelCount; label++) {
            probabilities[label] = (float) (exp[label] / sum);
        }
        return probabilities;
    }

    /**
     * Contribution of each phrase to the top label's score relative to the average label: the
     * model's score for a label is a weighted sum over features, so these add up exactly.
     */
    private List<ExplainingPhrase> explain(Features features, int label) {
        Map<String, Double> byPhrase = new HashMap<>();
        for (int j = 0; j < features.size(); j++) {
            String phrase = features.phrases()[j];
            if (phrase.equals(TextPreparation.NUMBER)) {
                continue;
            }
            int row = features.indices()[j];
            double toward = labelWeights[row * labelCount + label] - meanLabelWeight[row];
            byPhrase.merge(phrase, features.weights()[j] * toward / metadata.temperature(), Double::sum);
        }
        return byPhrase.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(EXPLAINING_PHRASES)
                .map(e -> new ExplainingPhrase(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0))
                .toList();
    }

    /** Nothing native is held after loading; kept so callers can treat models as resources. */
    @Override
    public void close() {
    }
}
