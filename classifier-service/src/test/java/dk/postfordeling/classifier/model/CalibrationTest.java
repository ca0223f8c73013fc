package dk.postfordeling.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
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
}
