package dk.postfordeling.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void temperatureScalingRecoversTheTemperatureTheScoresWereDrawnWith() {
        // Labels drawn from softmax(scores / 2.5): the scores are overconfident by a factor 2.5.
        Random random = new Random(7);
        List<float[]> scores = new ArrayList<>();
        int[] targets = new int[4000];
        for (int i = 0; i < targets.length; i++) {
            float[] s = new float[4];
            for (int c = 0; c < s.length; c++) {
                s[c] = (float) (random.nextGaussian() * 6);
            }
            double[] p = Calibration.softmax(s, 2.5);
            double u = random.nextDouble();
            int label = 0;
            for (double cumulative = p[0]; cumulative < u && label < 3; cumulative += p[++label]) {
                // walk the cumulative distribution
            }
            scores.add(s);
            targets[i] = label;
        }

        double temperature = Calibration.fitTemperature(scores, targets);

        assertThat(temperature).isCloseTo(2.5, within(0.25));
        assertThat(Calibration.logLoss(scores, targets, temperature)).isLessThan(Calibration.logLoss(scores, targets, 1.0));
    }

    @Test
    void thresholdIsTheLowestConfidenceThatStillMeetsTheTargetPrecision() {
        // Label 0 predicted ten times: right at 0.99..0.91 except the one at 0.92; wrong at 0.50.
        List<String> labels = List.of("affald", "parkering");
        double[] confidence = {0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.93, 0.92, 0.91, 0.50};
        int[] predicted = new int[10];
        int[] truth = {0, 0, 0, 0, 0, 0, 0, 1, 0, 1};

        Map<String, Double> thresholds = Calibration.thresholds(labels, predicted, confidence, truth, 0.70, 5);

        // Down to 0.91: 8 of 9 right, Wilson lower bound 0.74 >= 0.70; with 0.50: 8 of 10, bound 0.65 < 0.70.
        assertThat(thresholds.get("affald")).isEqualTo(0.91);
        assertThat(thresholds.get("parkering")).as("never predicted: no estimate, always review").isNull();
    }

    @Test
    void fewPredictionsMakeThePrecisionEstimatePessimistic() {
        assertThat(Calibration.precisionLowerBound(20, 20)).isCloseTo(0.952, within(0.001));
        assertThat(Calibration.precisionLowerBound(8, 9)).isCloseTo(0.743, within(0.001));
        assertThat(Calibration.precisionLowerBound(800, 900)).isGreaterThan(0.877).isLessThan(8.0 / 9);
    }

    @Test
    void aLabelWithTooFewPredictionsGetsNoThreshold() {
        Map<String, Double> thresholds = Calibration.thresholds(List.of("skole"), new int[] {0, 0, 0},
                new double[] {0.99, 0.98, 0.97}, new int[] {0, 0, 0}, 0.95, 5);

        assertThat(thresholds.get("skole")).isNull();
    }

    @Test
    void noThresholdIsBelowAnEvenChance() {
        // Every prediction right, down to 0.31: precision alone would allow routing at 31 %.
        double[] confidence = {0.99, 0.95, 0.90, 0.85, 0.80, 0.70, 0.60, 0.50, 0.40, 0.31};
        Map<String, Double> thresholds = Calibration.thresholds(List.of("vej-og-park"), new int[10], confidence, new int[10],
                0.70, 5);

        assertThat(thresholds.get("vej-og-park")).isEqualTo(Calibration.MIN_THRESHOLD);
    }
}
