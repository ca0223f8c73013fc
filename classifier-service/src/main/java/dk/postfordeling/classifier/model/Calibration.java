package dk.postfordeling.classifier.model;

import java.util.List;

/**
 * Makes the model's confidence mean what it says, from out-of-fold predictions on the training
 * data: a temperature that minimises the log loss of the softmax (temperature scaling). The
 * routing thresholds chosen on the calibrated scores are {@link RoutingThresholds}.
 */
public final class Calibration {

    private Calibration() {
    }

    /** Softmax of the scores divided by the temperature. */
    public static double[] softmax(float[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (float s : scores) {
            max = Math.max(max, s / temperature);
        }
        double sum = 0;
        double[] p = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp(scores[i] / temperature - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** The temperature in [0.05, 20] with the lowest mean negative log-likelihood (golden-section search on its logarithm). */
    public static double fitTemperature(List<float[]> scores, int[] targets) {
        double lo = Math.log(0.05);
        double hi = Math.log(20);
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo);
        double b = lo + ratio * (hi - lo);
        double fa = logLoss(scores, targets, Math.exp(a));
        double fb = logLoss(scores, targets, Math.exp(b));
        for (int i = 0; i < 60; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - ratio * (hi - lo);
                fa = logLoss(scores, targets, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + ratio * (hi - lo);
                fb = logLoss(scores, targets, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    static double logLoss(List<float[]> scores, int[] targets, double temperature) {
        double loss = 0;
        for (int i = 0; i < targets.length; i++) {
            loss -= Math.log(Math.max(1e-12, softmax(scores.get(i), temperature)[targets[i]]));
        }
        return loss / targets.length;
    }
}
