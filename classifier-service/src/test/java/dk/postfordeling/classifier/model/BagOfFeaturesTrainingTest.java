package dk.postfordeling.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The training loop that updates only the feature rows a batch touches, on a problem whose answer
 * is known: four labels, each with rows of its own, mixed with rows every label shares, in texts of
 * very different lengths (so batches sorted by length still see every label).
 */
class BagOfFeaturesTrainingTest {

    private static final int LABELS = 4;
    private static final int OWN_ROWS = 30;
    private static final int SHARED_ROWS = 40;
    private static final int ROWS = 1 + LABELS * OWN_ROWS + SHARED_ROWS;

    private static final class Data {
        final List<Features> features = new ArrayList<>();
        final List<Integer> targets = new ArrayList<>();

        int[] targetArray() {
            return targets.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Each text: 1–3 rows of its label among 2–60 shared ones; row 0 is padding. */
    private static Data data(int examples, long seed) {
        Random random = new Random(seed);
        Data data = new Data();
        for (int i = 0; i < examples; i++) {
            int label = i % LABELS;
            java.util.TreeMap<Integer, Float> rows = new java.util.TreeMap<>();
            for (int k = 0, own = 1 + random.nextInt(3); k < own; k++) {
                rows.put(1 + label * OWN_ROWS + random.nextInt(OWN_ROWS), 0.5f);
            }
            for (int k = 0, shared = 2 + random.nextInt(59); k < shared; k++) {
                rows.put(1 + LABELS * OWN_ROWS + random.nextInt(SHARED_ROWS), 0.1f);
            }
            int[] r = rows.keySet().stream().mapToInt(Integer::intValue).toArray();
            float[] w = new float[r.length];
            int j = 0;
            for (float weight : rows.values()) {
                w[j++] = weight;
            }
            data.features.add(new Features(r, w, new String[r.length], r, w, new int[r.length], r.length, r.length, null));
            data.targets.add(label);
        }
        return data;
    }

    private static TrainingOptions options(int dimension, boolean hiddenRelu, long seed) {
        return new TrainingOptions(dimension, 10, dimension == 0 ? 0.05f : 0.01f, 16, seed, 0f, 0, 0.95, 10, hiddenRelu, 200, null);
    }

    private static double accuracy(Model model, Data data) {
        List<float[]> scores = WordsNetwork.scores(model, data.features, LABELS);
        int right = 0;
        for (int i = 0; i < scores.size(); i++) {
            float[] s = scores.get(i);
            int best = 0;
            for (int c = 1; c < LABELS; c++) {
                best = s[c] > s[best] ? c : best;
            }
            right += best == data.targets.get(i) ? 1 : 0;
        }
        return (double) right / scores.size();
    }

    @Test
    void everyShapeOfTheNetworkLearnsWhatSeparatesTheLabels() {
        Data train = data(400, 1);
        Data unseen = data(200, 2);
        for (TrainingOptions options : List.of(options(16, true, 3), options(16, false, 3), options(0, false, 3))) {
            try (Model model = WordsNetwork.fit(train.features, train.targetArray(), ROWS, LABELS, options)) {
                assertThat(accuracy(model, unseen)).as("dimension %d, ReLU %b", options.dimension(), options.hiddenRelu())
                        .isGreaterThanOrEqualTo(0.97);
            }
        }
    }

    /** Training puts the final words model on a thread of its own, where PyTorch records gradients by default. */
    @Test
    void trainsOnAThreadOfItsOwnAsOnTheMainThread() throws Exception {
        Data train = data(200, 1);
        float[][] tables = new float[2][];
        try (Model model = WordsNetwork.fit(train.features, train.targetArray(), ROWS, LABELS, options(16, true, 5))) {
            tables[0] = ((BagOfFeaturesBlock) model.getBlock()).table();
        }
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            tables[1] = thread.submit(() -> {
                try (Model model = WordsNetwork.fit(train.features, train.targetArray(), ROWS, LABELS, options(16, true, 5))) {
                    return ((BagOfFeaturesBlock) model.getBlock()).table();
                }
            }).get();
        } finally {
            thread.shutdown();
        }
        assertThat(tables[1]).containsExactly(tables[0]);
    }

    @Test
    void theSameSeedGivesTheSameModelAndAnotherSeedAnother() {
        Data train = data(200, 1);
        float[] first;
        float[] again;
        float[] other;
        try (Model model = WordsNetwork.fit(train.features, train.targetArray(), ROWS, LABELS, options(16, true, 5))) {
            first = ((BagOfFeaturesBlock) model.getBlock()).table();
        }
        try (Model model = WordsNetwork.fit(train.features, train.targetArray(), ROWS, LABELS, options(16, true, 5))) {
            again = ((BagOfFeaturesBlock) model.getBlock()).table();
        }
        try (Model model = WordsNetwork.fit(train.features, train.targetArray(), ROWS, LABELS, options(16, true, 6))) {
            other = ((BagOfFeaturesBlock) model.getBlock()).table();
        }
        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void onlyTheRowsOfTheTextsAreUpdated() {
        Data train = data(200, 1);
        int unused = ROWS; // one row more than any text uses
        try (Model model = WordsNetwork.fit(train.features, train.targetArray(), ROWS + 1, LABELS, options(0, false, 5))) {
            float[] table = ((BagOfFeaturesBlock) model.getBlock()).table();
            for (int c = 0; c < LABELS; c++) {
                assertThat(table[unused * LABELS + c]).isZero();
                assertThat(table[1 * LABELS + c]).as("a row of label 0's texts has learnt").isNotZero();
            }
        }
    }
}
