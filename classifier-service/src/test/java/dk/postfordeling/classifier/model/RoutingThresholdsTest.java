package dk.postfordeling.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoutingThresholdsTest {

    /** Out-of-fold predictions built one at a time. */
    private static final class Predictions {
        final List<Integer> predicted = new ArrayList<>();
        final List<Double> confidence = new ArrayList<>();
        final List<Integer> truth = new ArrayList<>();

        Predictions add(int label, double confidence, boolean right) {
            predicted.add(label);
            this.confidence.add(confidence);
            truth.add(right ? label : label + 1000);
            return this;
        }

        RoutingThresholds.Choice choose(List<String> labels, double target) {
            return RoutingThresholds.choose(labels, predicted.stream().mapToInt(Integer::intValue).toArray(),
                    confidence.stream().mapToDouble(Double::doubleValue).toArray(),
                    truth.stream().mapToInt(Integer::intValue).toArray(), target, 10);
        }
    }

    @Test
    void aLabelWithFewPredictionsFollowsAllLabelsInsteadOfBeingRefused() {
        Predictions oof = new Predictions();
        for (int i = 0; i < 200; i++) {
            double confidence = 0.99 - i * 0.0025;
            oof.add(0, confidence, confidence >= 0.80 || i % 2 == 0);
        }
        oof.add(1, 0.95, true).add(1, 0.90, true).add(1, 0.85, true);

        RoutingThresholds.Choice choice = oof.choose(List.of("affald", "skole"), 0.95);

        assertThat(choice.thresholds().get("skole")).as("three right predictions and a strong record around them")
                .isNotNull().isLessThanOrEqualTo(0.85);
        assertThat(choice.thresholds().get("affald")).isBetween(0.70, 0.85);
    }

    @Test
    void aLabelThatIsOftenWrongBelowSomeConfidenceGetsAHigherThresholdThanTheRest() {
        Predictions oof = new Predictions();
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            double confidence = 0.5 + 0.5 * random.nextDouble();
            int label = 1 + i % 4;
            oof.add(label, confidence, true);
        }
        for (int i = 0; i < 300; i++) {
            double confidence = 0.5 + 0.5 * random.nextDouble();
            oof.add(0, confidence, confidence >= 0.9 || random.nextBoolean());
        }

        RoutingThresholds.Choice choice = oof.choose(List.of("byggesag", "affald", "skole", "parkering", "pension"), 0.95);

        assertThat(choice.thresholds().get("byggesag")).isGreaterThanOrEqualTo(0.85);
        assertThat(choice.thresholds().get("affald")).isEqualTo(RoutingThresholds.MIN_THRESHOLD, within(0.01));
    }

    @Test
    void aLaterStageSpendsWhatTheEarlierStageRoutedAboveTheTargetAndNoMore() {
        // Mail the words were not sure of: right 9 times in 10 at every confidence, below the target alone.
        Predictions leftOver = new Predictions();
        for (int i = 0; i < 100; i++) {
            leftOver.add(0, 0.99 - i * 0.004, i % 10 != 0);
        }
        int[] predicted = leftOver.predicted.stream().mapToInt(Integer::intValue).toArray();
        double[] confidence = leftOver.confidence.stream().mapToDouble(Double::doubleValue).toArray();
        int[] truth = leftOver.truth.stream().mapToInt(Integer::intValue).toArray();
        List<String> labels = List.of("parkering");

        RoutingThresholds.Choice alone = RoutingThresholds.choose(labels, predicted, confidence, truth, 0.95, 10);
        // The words routed 300 mails of the label, all of them rightly.
        RoutingThresholds.Choice afterWords = RoutingThresholds.choose(labels, predicted, confidence, truth, 0.95, 10,
                new RoutingThresholds.Routed(new int[] {300}, new int[] {300}));
        // … or 300 mails at the target exactly: nothing to spend.
        RoutingThresholds.Choice afterPreciseWords = RoutingThresholds.choose(labels, predicted, confidence, truth, 0.95, 10,
                new RoutingThresholds.Routed(new int[] {300}, new int[] {285}));

        assertThat(alone.thresholds().get("parkering")).isNull();
        assertThat(afterPreciseWords.thresholds().get("parkering")).isNull();
        assertThat(afterWords.thresholds().get("parkering")).isNotNull();
        int routed = afterWords.expectation().routed();
        int right = afterWords.expectation().routedCorrect();
        assertThat(routed).as("the later stage routes part of its mail").isBetween(20, 100);
        assertThat(RoutingThresholds.wilsonLowerBound(300 + right, 300 + routed)).as("the whole stays at the target")
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void noThresholdIsBelowAnEvenChance() {
        Predictions oof = new Predictions();
        for (double confidence = 0.99; confidence > 0.3; confidence -= 0.01) {
            oof.add(0, confidence, true);
        }

        RoutingThresholds.Choice choice = oof.choose(List.of("vej-og-park"), 0.70);

        assertThat(choice.thresholds().get("vej-og-park")).isGreaterThanOrEqualTo(RoutingThresholds.MIN_THRESHOLD)
                .isLessThan(0.52);
    }

    @Test
    void aLabelThatIsNeverRightEnoughAlwaysGoesToReview() {
        Predictions oof = new Predictions();
        for (int i = 0; i < 100; i++) {
            oof.add(0, 0.6 + i * 0.004, i % 3 != 0);
        }

        RoutingThresholds.Choice choice = oof.choose(List.of("borgerservice"), 0.95);

        assertThat(choice.thresholds().get("borgerservice")).isNull();
        assertThat(choice.expectation().routed()).isZero();
    }

    /**
     * Calibrated scores (a prediction at confidence c is right with probability c), for labels of
     * very different sizes: the thresholds chosen on one sample keep the promise on another sample
     * from the same source, and route most of what could have been routed at the target there.
     */
    @Test
    void thresholdsFromOneSampleKeepThePromiseOnAnotherAndRouteMostOfWhatCouldBeRouted() {
        List<String> labels = new ArrayList<>();
        for (int label = 0; label < 20; label++) {
            labels.add("label-" + label);
        }
        Random random = new Random(11);
        int[][] chosen = sample(random, 3000);
        int[][] fresh = sample(random, 3000);
        double[] chosenConfidence = confidences(chosen);
        double[] freshConfidence = confidences(fresh);

        RoutingThresholds.Choice choice = RoutingThresholds.choose(labels, chosen[0], chosenConfidence, chosen[1], 0.95, 10);

        int routed = 0;
        int right = 0;
        for (int i = 0; i < fresh[0].length; i++) {
            Double threshold = choice.thresholds().get(labels.get(fresh[0][i]));
            if (threshold != null && freshConfidence[i] >= threshold) {
                routed++;
                right += fresh[0][i] == fresh[1][i] ? 1 : 0;
            }
        }
        assertThat((double) right / routed).as("precision on the fresh sample").isGreaterThanOrEqualTo(0.93);
        assertThat(choice.expectation().precision()).isGreaterThanOrEqualTo(0.95);
        double oracle = oracleShare(fresh[0], fresh[1], freshConfidence, 0.95);
        assertThat((double) routed / fresh[0].length).as("routed share against the largest share routable at 0.95")
                .isGreaterThanOrEqualTo(0.75 * oracle);
    }

    /** {predicted, truth, confidence in thousandths}; label k has about 40 / (k + 1) % of the mail. */
    private static int[][] sample(Random random, int n) {
        int[][] columns = new int[3][n];
        double[] weights = new double[20];
        double total = 0;
        for (int k = 0; k < 20; k++) {
            weights[k] = 1.0 / (k + 1);
            total += weights[k];
        }
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble() * total;
            int label = 0;
            while (u > weights[label] && label < 19) {
                u -= weights[label++];
            }
            double confidence = 0.3 + 0.7 * Math.pow(random.nextDouble(), 0.4);
            columns[0][i] = label;
            columns[1][i] = random.nextDouble() < confidence ? label : (label + 1) % 20;
            columns[2][i] = (int) Math.round(confidence * 1000);
        }
        return columns;
    }

    private static double[] confidences(int[][] sample) {
        return java.util.Arrays.stream(sample[2]).mapToDouble(c -> c / 1000.0).toArray();
    }

    private static double oracleShare(int[] predicted, int[] truth, double[] confidence, double level) {
        Integer[] order = new Integer[predicted.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(confidence[b], confidence[a]));
        int best = 0;
        int right = 0;
        for (int k = 0; k < order.length; k++) {
            right += predicted[order[k]] == truth[order[k]] ? 1 : 0;
            if (right >= level * (k + 1)) {
                best = k + 1;
            }
        }
        return (double) best / predicted.length;
    }

    @Test
    void theExpectationCountsWhatTheThresholdsRoutedPerLabelAndAtEachDestinationBar() {
        Predictions oof = new Predictions();
        for (int i = 0; i < 100; i++) {
            oof.add(0, 0.999 - i * 0.004, true);
        }

        RoutingThresholds.Choice choice = oof.choose(List.of("skole"), 0.95);

        ModelMetadata.LabelExpectation skole = choice.expectation().perLabel().get("skole");
        assertThat(skole.predicted()).isEqualTo(100);
        assertThat(skole.examples()).isEqualTo(100);
        assertThat(choice.expectation().routed()).isEqualTo(skole.routed()).isEqualTo(100);
        assertThat(choice.expectation().routedShare()).isEqualTo(1.0);
        // 0.999 - 0.004 i >= 0.99 for i = 0, 1, 2.
        assertThat(skole.atBars()).anySatisfy(bar -> {
            assertThat(bar.bar()).isEqualTo(0.99);
            assertThat(bar.routed()).isEqualTo(3);
            assertThat(bar.routedCorrect()).isEqualTo(3);
        });
    }
}
