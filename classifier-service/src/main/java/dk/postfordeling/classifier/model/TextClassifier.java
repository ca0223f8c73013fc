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
 * <p>Predictions are computed in plain arrays from the network's weights ({@link BagOfFeaturesBlock}),
 * giving the same scores as running the network without a native call per mail. Without a ReLU the
 * network is linear in its features: on loading, DJL multiplies the embedding table by the output
 * layer once, and a label's score is the bias plus one small row per feature of the mail. With a
 * ReLU, the mail's features sum to the hidden layer, which the output layer turns into label scores.
 * Either way the explanation is each phrase's exact share of the top label's score. Thread-safe:
 * nothing is mutated after loading.
 *
 * <p>Longer than the product's other classes (about 400 lines) on purpose: the forward pass and the
 * phrase explanation read the same precomputed weight arrays, and keeping them together is what
 * keeps an explanation the exact share of the score the forward pass computed
 * ({@code HiddenLayerScoresTest} checks both against the network run by DJL).
 */
public final class TextClassifier implements AutoCloseable {

    private static final int EXPLAINING_PHRASES = 5;

    private final ModelMetadata metadata;
    private final FeatureExtractor extractor;
    private final int labelCount;
    /**
     * Without a ReLU: per feature row and label, the feature's contribution to the label's score at
     * weight 1, {@code [rows][labels]}. With one: the embedding table {@code [rows][dimension]}.
     */
    private final float[][] table;
    /** Values per row of {@link #table}. */
    private final int width;
    /** Per feature row: the mean of its label weights, for "relative to the average label" (no ReLU only). */
    private final float[] meanLabelWeight;
    private final float[] bias;
    /** With a ReLU: the hidden layer's bias {@code [dimension]}; otherwise {@code null}. */
    private final float[] hiddenBias;
    /** With a ReLU: the output layer {@code [labels * dimension]}. */
    private final float[] outputWeight;
    /**
     * With a ReLU: each label's output row minus the mean output row {@code [labels * dimension]}, the
     * direction of "toward this label rather than the average label" in the hidden layer.
     */
    private final float[] labelDirection;
    /**
     * With a ReLU: per feature row and label, {@code embedding row . (output row of the label - mean
     * output row)} {@code [rows * labels]}, computed once on loading. A mail switches on nearly every
     * hidden unit, so its explanation takes this and corrects for the few units left off, instead of
     * reading every embedding row of the mail a second time.
     */
    private final float[] towardLabel;

    /** The cascade's second stage and its encoder; {@code null} for a model without one. */
    private final MeaningStage meaningStage;
    private final dk.postfordeling.classifier.encoder.SentenceEncoder encoder;

    private TextClassifier(ModelMetadata metadata, Model model, FeatureExtractor extractor, MeaningStage meaningStage,
            dk.postfordeling.classifier.encoder.SentenceEncoder encoder) {
        this.metadata = metadata;
        this.meaningStage = meaningStage;
        this.encoder = encoder;
        this.extractor = extractor;
        this.labelCount = metadata.labels().size();
        BagOfFeaturesBlock block = (BagOfFeaturesBlock) model.getBlock();
        this.bias = block.labelBias();
        if (block.hiddenRelu()) {
            this.width = metadata.dimension();
            this.table = byRow(block.table(), width);
            this.hiddenBias = block.hiddenBiasValues();
            this.outputWeight = block.outputWeight();
            this.labelDirection = new float[labelCount * width];
            for (int unit = 0; unit < width; unit++) {
                float sum = 0;
                for (int label = 0; label < labelCount; label++) {
                    sum += outputWeight[label * width + unit];
                }
                float mean = sum / labelCount;
                for (int label = 0; label < labelCount; label++) {
                    labelDirection[label * width + unit] = outputWeight[label * width + unit] - mean;
                }
            }
            this.meanLabelWeight = null;
            this.towardLabel = towardLabel(table, labelDirection, labelCount);
            return;
        }
        try (NDArray folded = block.labelWeights()) {
            this.table = byRow(folded.toFloatArray(), labelCount);
        }
        this.width = labelCount;
        this.hiddenBias = null;
        this.outputWeight = null;
        this.labelDirection = null;
        this.towardLabel = null;
        this.meanLabelWeight = new float[table.length];
        for (int row = 0; row < table.length; row++) {
            float sum = 0;
            for (int label = 0; label < labelCount; label++) {
                sum += table[row][label];
            }
            meanLabelWeight[row] = sum / labelCount;
        }
    }

    /**
     * A row-major table as one array per row. Rows of their own let the JIT compiler add a row to the
     * hidden layer with vector instructions (about three times as fast as the same loop over one flat
     * array, measured on this release's build machine).
     */
    private static float[][] byRow(float[] flat, int width) {
        float[][] rows = new float[flat.length / width][];
        for (int row = 0; row < rows.length; row++) {
            rows[row] = java.util.Arrays.copyOfRange(flat, row * width, (row + 1) * width);
        }
        return rows;
    }

    /** Loads the model in a directory written by {@link ModelTrainer}, by this release or an earlier one. */
    public static TextClassifier load(Path dir) throws IOException {
        ModelMetadata metadata = ModelFiles.readMetadata(dir);
        Model model = Model.newInstance(ModelFiles.MODEL_NAME, Device.cpu());
        try {
            FeatureExtractor extractor;
            int rows;
            if (metadata.features().vocabulary()) {
                FeatureVocabulary vocabulary = VocabularyFile.read(dir, metadata.features());
                extractor = vocabulary;
                rows = vocabulary.rows();
            } else {
                extractor = new FeatureHasher(metadata.features(), ModelFiles.readVocabulary(dir));
                rows = metadata.features().buckets();
            }
            boolean hiddenRelu = metadata.training() != null && metadata.training().hiddenRelu();
            model.setBlock(new BagOfFeaturesBlock(rows, metadata.dimension(), metadata.labels().size(), hiddenRelu));
            model.load(dir, ModelFiles.MODEL_NAME);
            if (metadata.meaning() == null) {
                return new TextClassifier(metadata, model, extractor, null, null);
            }
            MeaningStage stage = MeaningStage.read(dir);
            return new TextClassifier(metadata, model, extractor, stage,
                    dk.postfordeling.classifier.encoder.SentenceEncoder.open(metadata.meaning().encoder()));
        } catch (MalformedModelException | IOException | RuntimeException e) {
            throw new IOException("cannot load model from " + dir + ": " + e.getMessage(), e);
        } finally {
            model.close();
        }
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * Predicts the labels of a text; a text without any word gets equal probabilities. A cascade: the
     * words decide alone where they are sure (their label's threshold is met); otherwise, in a model
     * with a second stage, the sentence encoder is consulted and the second stage decides.
     */
    public Prediction predict(String text) {
        List<String> tokens = TextPreparation.tokens(text);
        Features features = extractor.features(tokens);
        List<String> labels = metadata.labels();
        float[] probabilities;
        float[] hidden = null;
        if (features.isEmpty()) {
            probabilities = new float[labels.size()];
            java.util.Arrays.fill(probabilities, 1f / labels.size());
        } else {
            float[] scores;
            if (hiddenBias == null) {
                scores = linearScores(features);
            } else {
                hidden = hidden(features);
                scores = outputScores(hidden);
            }
            probabilities = probabilities(scores);
        }
        List<LabelScore> ranked = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            ranked.add(new LabelScore(labels.get(i), probabilities[i]));
        }
        ranked.sort(Comparator.comparingDouble(LabelScore::probability).reversed().thenComparing(LabelScore::label));
        int words = features.words();
        double knownShare = words == 0 ? 0 : (double) features.knownWords() / words;
        List<ExplainingPhrase> phrases = features.isEmpty() ? List.of()
                : explain(features, hidden, labels.indexOf(ranked.get(0).label()));
        Double threshold = metadata.hasThresholds() ? metadata.thresholds().get(ranked.get(0).label()) : Double.valueOf(Double.NaN);
        Map<String, List<String>> characteristic = null;
        if (features.characteristicWords() != null) {
            characteristic = new java.util.TreeMap<>();
            for (Map.Entry<Integer, java.util.Set<String>> found : features.characteristicWords().entrySet()) {
                characteristic.put(labels.get(found.getKey()), List.copyOf(found.getValue()));
            }
        }
        Prediction byWords = new Prediction(List.copyOf(ranked), words, knownShare, phrases, metadata.modelVersion(), threshold,
                characteristic, metadata.expectsOwnWords(ranked.get(0).label()), null);
        boolean wordsAreSure = threshold != null && !threshold.isNaN() && ranked.get(0).probability() >= threshold;
        if (meaningStage == null || wordsAreSure || features.isEmpty()) {
            return byWords;
        }
        return byMeaning(text, probabilities, features, hidden, byWords);
    }

    /** The second stage's prediction; the phrases explain the words' part for its top label. */
    private Prediction byMeaning(String text, float[] wordsProbabilities, Features features, float[] hidden, Prediction byWords) {
        double[] words = new double[wordsProbabilities.length];
        for (int i = 0; i < words.length; i++) {
            words[i] = wordsProbabilities[i];
        }
        float[] input = MeaningStage.input(encoder.embed(text), words);
        double[] p = Calibration.softmax(meaningStage.scores(input), metadata.meaning().temperature());
        List<String> labels = metadata.labels();
        List<LabelScore> ranked = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            ranked.add(new LabelScore(labels.get(i), p[i]));
        }
        ranked.sort(Comparator.comparingDouble(LabelScore::probability).reversed().thenComparing(LabelScore::label));
        int top = labels.indexOf(ranked.get(0).label());
        double[] parts = meaningStage.parts(input, top);
        double meaningShare = Math.abs(parts[0]) + Math.abs(parts[1]) == 0 ? 0
                : Math.abs(parts[0]) / (Math.abs(parts[0]) + Math.abs(parts[1]));
        Map<String, Double> thresholds = metadata.meaning().thresholds();
        return new Prediction(List.copyOf(ranked), byWords.words(), byWords.knownWordShare(), explain(features, hidden, top),
                metadata.modelVersion(), thresholds == null ? null : thresholds.get(ranked.get(0).label()),
                byWords.characteristicWords(), metadata.expectsOwnWords(ranked.get(0).label()), meaningShare);
    }

    /** Label scores of a network without a ReLU: the bias plus one row of label weights per feature. */
    private float[] linearScores(Features features) {
        float[] scores = bias.clone();
        int[] rows = features.rows();
        float[] rowWeights = features.rowWeights();
        for (int j = 0; j < rows.length; j++) {
            float[] row = table[rows[j]];
            float weight = rowWeights[j];
            for (int label = 0; label < labelCount; label++) {
                scores[label] += weight * row[label];
            }
        }
        return scores;
    }

    /** The hidden layer after its ReLU: the bias plus the weighted embedding rows of the features. */
    private float[] hidden(Features features) {
        float[] hidden = hiddenBias.clone();
        int[] rows = features.rows();
        float[] rowWeights = features.rowWeights();
        for (int j = 0; j < rows.length; j++) {
            float[] row = table[rows[j]];
            float weight = rowWeights[j];
            for (int unit = 0; unit < width; unit++) {
                hidden[unit] += weight * row[unit];
            }
        }
        for (int unit = 0; unit < width; unit++) {
            hidden[unit] = Math.max(0f, hidden[unit]);
        }
        return hidden;
    }

    private float[] outputScores(float[] hidden) {
        float[] scores = bias.clone();
        for (int label = 0; label < labelCount; label++) {
            int offset = label * width;
            float score = 0;
            for (int unit = 0; unit < width; unit++) {
                score += outputWeight[offset + unit] * hidden[unit];
            }
            scores[label] += score;
        }
        return scores;
    }

    /** Softmax of the label scores divided by the model's calibration temperature. */
    private float[] probabilities(float[] scores) {
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
     * Contribution of each phrase to the top label's score relative to the average label. Without a
     * ReLU the score is a weighted sum over features, so these add up exactly. With one, each feature
     * is credited through the hidden units the mail switched on: the ReLU is linear there, so for this
     * mail the shares add up exactly to the score the features gave those units.
     */
    private List<ExplainingPhrase> explain(Features features, float[] hidden, int label) {
        // With a ReLU: each distinct feature's push toward the label through the units switched on.
        float[] towardByPosition = null;
        if (hidden != null) {
            int[] off = new int[width];
            float[] direction = new float[width];
            int offCount = 0;
            for (int unit = 0; unit < width; unit++) {
                if (hidden[unit] <= 0) {
                    off[offCount] = unit;
                    direction[offCount++] = labelDirection[label * width + unit];
                }
            }
            int[] rows = features.rows();
            towardByPosition = new float[rows.length];
            for (int position = 0; position < rows.length; position++) {
                int row = rows[position];
                towardByPosition[position] = towardLabel[row * labelCount + label]
                        - (offCount == 0 ? 0f : dot(direction, off, offCount, table[row]));
            }
        }
        // A phrase's entries mostly follow one another (a word's n-grams): summed before the map.
        Map<String, Double> byPhrase = new HashMap<>();
        String current = null;
        double sum = 0;
        for (int j = 0; j < features.size(); j++) {
            String phrase = features.phrases()[j];
            if (phrase != current) {
                if (current != null) {
                    byPhrase.merge(current, sum, Double::sum);
                }
                current = phrase.equals(TextPreparation.NUMBER) ? null : phrase;
                sum = 0;
            }
            if (current == null) {
                continue;
            }
            int row = features.indices()[j];
            double toward = towardByPosition == null
                    ? table[row][label] - meanLabelWeight[row]
                    : towardByPosition[features.rowOfEntry()[j]];
            sum += features.weights()[j] * toward / metadata.temperature();
        }
        if (current != null) {
            byPhrase.merge(current, sum, Double::sum);
        }
        return byPhrase.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(EXPLAINING_PHRASES)
                .map(e -> new ExplainingPhrase(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0))
                .toList();
    }

    /**
     * {@code sum over k < count of vector[k] * row[units[k]]}: a dot product over some of
     * the hidden units, in four running sums so the processor can overlap them.
     */
    private static float dot(float[] vector, int[] units, int count, float[] row) {
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        int k = 0;
        for (; k + 3 < count; k += 4) {
            a += vector[k] * row[units[k]];
            b += vector[k + 1] * row[units[k + 1]];
            c += vector[k + 2] * row[units[k + 2]];
            d += vector[k + 3] * row[units[k + 3]];
        }
        for (; k < count; k++) {
            a += vector[k] * row[units[k]];
        }
        return (a + b) + (c + d);
    }

    private static float[] towardLabel(float[][] table, float[] labelDirection, int labelCount) {
        int width = labelDirection.length / labelCount;
        float[] toward = new float[table.length * labelCount];
        for (int row = 0; row < table.length; row++) {
            float[] embedding = table[row];
            for (int label = 0; label < labelCount; label++) {
                int direction = label * width;
                float sum = 0;
                for (int unit = 0; unit < width; unit++) {
                    sum += labelDirection[direction + unit] * embedding[unit];
                }
                toward[row * labelCount + label] = sum;
            }
        }
        return toward;
    }

    /** Closes the sentence encoder of a model with a second stage; the first stage holds nothing native. */
    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
        }
    }
}
