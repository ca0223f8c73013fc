package dk.postfordeling.classifier.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the model's confidence mean what it says, from out-of-fold predictions on the training
 * data: a temperature that minimises the log loss of the softmax (temperature scaling), and per
 * label the lowest confidence at which routing that label still met the target precision.
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

    /** How sure the precision estimate must be: one standard deviation (about 84 % one-sided). */
    private static final double Z = 1.0;

    /**
     * Wilson score lower bound of a precision measured as {@code correct} of {@code n}: with few
     * predictions the estimate is uncertain, so a threshold is only trusted when even the pessimistic
     * end of that uncertainty meets the target. This also covers that the final model, trained on all
     * the data, is more confident than the cross-validation models its thresholds come from.
     */
    static double precisionLowerBound(int correct, int n) {
        double p = (double) correct / n;
        double z2 = Z * Z;
        return (p + z2 / (2 * n) - Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n))) / (1 + z2 / n);
    }

    /**
     * For each label, the lowest confidence from which the predictions of that label reached the
     * target precision (its Wilson lower bound, see {@link #precisionLowerBound}), but never below
     * {@link #MIN_THRESHOLD}; {@code null} for a label with fewer than {@code minSupport} predictions
     * at that confidence or that never reaches it — such a label always goes to review.
     *
     * @param predicted  predicted label index per example
     * @param confidence calibrated probability of the predicted label per example
     * @param targets    true label index per example
     */
    /**
     * No label is routed on less than an even chance: with few examples every out-of-fold prediction
     * of a well-separated label can be right down to low confidences, and a threshold of 0.3 would
     * then route a mail the model thinks is more likely something else.
     */
    public static final double MIN_THRESHOLD = 0.5;

    public static Map<String, Double> thresholds(List<String> labels, int[] predicted, double[] confidence, int[] targets,
            double targetPrecision, int minSupport) {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (int label = 0; label < labels.size(); label++) {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == label) {
                    mine.add(i);
                }
            }
            mine.sort(Comparator.comparingDouble((Integer i) -> confidence[i]).reversed());
            Double threshold = null;
            int correct = 0;
            for (int k = 0; k < mine.size(); k++) {
                int i = mine.get(k);
                if (predicted[i] == targets[i]) {
                    correct++;
                }
                boolean lastOfTie = k + 1 == mine.size() || confidence[mine.get(k + 1)] < confidence[i];
                if (lastOfTie && k + 1 >= minSupport && precisionLowerBound(correct, k + 1) >= targetPrecision) {
                    threshold = confidence[i];
                }
            }
            thresholds.put(labels.get(label), threshold == null ? null : Math.max(MIN_THRESHOLD, threshold));
        }
        return thresholds;
    }
}
