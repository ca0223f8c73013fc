package dk.postfordeling.classifier.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The second stage of the cascade: multinomial logistic regression on a text's sentence embedding
 * (its meaning, from the pretrained encoder) next to the first stage's log-probabilities (its words).
 * Consulted only for mail the first stage is not sure of. Trained by stochastic gradient descent with
 * AdaGrad step sizes and a fixed number of passes, in plain Java; deterministic for a seed.
 *
 * <p>Training starts from the first stage's own decision (each label's weight on its own
 * log-probability makes the score that log-probability), so the embedding only has to learn where
 * the words were wrong. A label's score is its bias plus the meaning part ({@code weights . embedding}) plus the words
 * part ({@code weights . log-probabilities}); {@link #parts} gives the two parts separately so a
 * decision can say how much of it came from the sentence's meaning.
 */
public final class MeaningStage {

    static final String FILE = "meaning-stage.bin";
    private static final int FILE_MAGIC = 0x50464d31; // "PFM1"
    private static final int EPOCHS = 30;
    private static final double LEARNING_RATE = 0.05;
    /**
     * A label whose error on an example is smaller is not updated for it: once the stage has learnt,
     * most of 77 labels have a probability far below this for most examples, and skipping them made
     * training several times faster (the weight updates were most of its time).
     */
    private static final double NEGLIGIBLE = 1e-4;
    /** The first stage's probabilities enter as {@code ln(max(p, FLOOR)) / SCALE}, within [-1, 0]. */
    private static final double FLOOR = 1e-4;
    private static final double SCALE = -Math.log(FLOOR);

    private final int labels;
    private final int meaning;
    private final float[] weights;
    private final float[] bias;

    private MeaningStage(int labels, int meaning, float[] weights, float[] bias) {
        this.labels = labels;
        this.meaning = meaning;
        this.weights = weights;
        this.bias = bias;
    }

    /** The stage's input for one text: its embedding and the first stage's calibrated probabilities. */
    static float[] input(float[] embedding, double[] wordsProbabilities) {
        float[] x = new float[embedding.length + wordsProbabilities.length];
        System.arraycopy(embedding, 0, x, 0, embedding.length);
        for (int i = 0; i < wordsProbabilities.length; i++) {
            x[embedding.length + i] = (float) (Math.log(Math.max(FLOOR, wordsProbabilities[i])) / SCALE);
        }
        return x;
    }

    static MeaningStage train(float[][] inputs, int[] targets, int labels, int meaning, long seed) {
        int width = inputs[0].length;
        float[] weights = new float[labels * width];
        for (int c = 0; c < labels; c++) {
            weights[c * width + meaning + c] = (float) SCALE;
        }
        // float, not double: the per-weight loop below then runs on the CPU's vector units (several times faster)
        float[] squared = new float[weights.length];
        float[] bias = new float[labels];
        double[] biasSquared = new double[labels];
        int[] order = new int[inputs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        MeaningStage stage = new MeaningStage(labels, meaning, weights, bias);
        double[] gradient = new double[labels];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            WordsNetwork.shuffleInPlace(order, random);
            for (int i : order) {
                float[] x = inputs[i];
                double[] p = Calibration.softmax(stage.scores(x), 1.0);
                for (int c = 0; c < labels; c++) {
                    gradient[c] = p[c] - (c == targets[i] ? 1 : 0);
                    if (Math.abs(gradient[c]) < NEGLIGIBLE) {
                        continue;
                    }
                    biasSquared[c] += gradient[c] * gradient[c];
                    bias[c] -= (float) (LEARNING_RATE * gradient[c] / Math.sqrt(biasSquared[c] + 1e-8));
                    update(weights, squared, c * width, x, (float) gradient[c]);
                }
            }
        }
        return stage;
    }

    /** AdaGrad on one label's row of weights for one example's gradient {@code error * x}. */
    private static void update(float[] weights, float[] squared, int row, float[] x, float error) {
        for (int k = 0; k < x.length; k++) {
            float g = error * x[k];
            float sum = squared[row + k] + g * g;
            squared[row + k] = sum;
            weights[row + k] -= (float) LEARNING_RATE * g / (float) Math.sqrt(sum + 1e-8f);
        }
    }

    /** Raw label scores (before temperature and softmax). */
    float[] scores(float[] x) {
        int width = x.length;
        float[] scores = new float[labels];
        for (int c = 0; c < labels; c++) {
            float sum = bias[c];
            int row = c * width;
            for (int k = 0; k < width; k++) {
                sum += weights[row + k] * x[k];
            }
            scores[c] = sum;
        }
        return scores;
    }

    /**
     * {meaning part, words part} of a label's score relative to the average label: how far the
     * sentence's meaning and the words moved the decision toward this label.
     */
    double[] parts(float[] x, int label) {
        int width = x.length;
        double meaningPart = 0;
        double wordsPart = 0;
        for (int k = 0; k < width; k++) {
            double mean = 0;
            for (int c = 0; c < labels; c++) {
                mean += weights[c * width + k];
            }
            double toward = (weights[label * width + k] - mean / labels) * x[k];
            if (k < meaning) {
                meaningPart += toward;
            } else {
                wordsPart += toward;
            }
        }
        return new double[] {meaningPart, wordsPart};
    }

    void write(Path dir) throws IOException {
        try (OutputStream file = Files.newOutputStream(dir.resolve(FILE)); DataOutputStream out = new DataOutputStream(file)) {
            out.writeInt(FILE_MAGIC);
            out.writeInt(labels);
            out.writeInt(meaning);
            out.writeInt(weights.length);
            for (float w : weights) {
                out.writeFloat(w);
            }
            for (float b : bias) {
                out.writeFloat(b);
            }
        }
    }

    static MeaningStage read(Path dir) throws IOException {
        try (InputStream file = Files.newInputStream(dir.resolve(FILE)); DataInputStream in = new DataInputStream(file)) {
            if (in.readInt() != FILE_MAGIC) {
                throw new IOException(FILE + " is not a meaning stage of this release");
            }
            int labels = in.readInt();
            int meaning = in.readInt();
            float[] weights = new float[in.readInt()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readFloat();
            }
            float[] bias = new float[labels];
            for (int i = 0; i < labels; i++) {
                bias[i] = in.readFloat();
            }
            return new MeaningStage(labels, meaning, weights, bias);
        }
    }
}
