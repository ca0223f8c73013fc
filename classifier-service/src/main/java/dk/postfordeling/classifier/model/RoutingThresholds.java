package dk.postfordeling.classifier.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses each label's routing threshold from out-of-fold predictions (every training mail scored
 * by a model that had not seen it), so that the mail routed without a person is right at the target
 * precision overall, and each label routes as much as its own evidence allows.
 *
 * <p>Per label, the precision of routing from a confidence {@code t} is estimated by shrinking the
 * label's own record toward the record of all labels at that confidence:
 * {@code (correct_label(t) + m * p_all(t)) / (n_label(t) + m)}, with {@code m} the prior strength
 * (in mails). A label with much data follows its own record; a label with little follows all labels
 * (instead of being refused, which kept small labels from ever routing). Each label's threshold is
 * the lowest confidence, not below {@link #MIN_THRESHOLD}, at which the estimate reaches a bar that
 * starts at the target.
 *
 * <p>The promise is made for the routed mail as a whole, so the finite-sample correction is applied
 * there: the Wilson lower bound (one standard deviation) of the precision of all out-of-fold mail the
 * thresholds route must reach the target. While it does not, the per-label bar is raised in small
 * steps. (Subtracting a standard error per label as well routed less than a third as much of
 * sib200-da's out-of-fold mail at the same realised precision; see docs/classifier.md.) Pure
 * computation, no state.
 */
public final class RoutingThresholds {

    /**
     * No label is routed on less than an even chance: with few examples every out-of-fold prediction
     * of a well-separated label can be right down to low confidences, and a threshold of 0.3 would
     * then route a mail the model thinks is more likely something else.
     */
    public static final double MIN_THRESHOLD = 0.5;

    /** Standard deviations of the overall Wilson lower bound (about 84 % one-sided). */
    static final double Z = 1.0;

    /** How much the per-label bar is raised per step when the overall promise is not kept. */
    static final double STEP = 0.0025;

    /** Confidence bars of a destination's own {@code target-precision} for which expected figures are recorded. */
    public static final List<Double> DESTINATION_BARS = List.of(0.90, 0.95, 0.98, 0.99);

    private RoutingThresholds() {
    }

    /**
     * The chosen thresholds and what they did to the out-of-fold predictions.
     *
     * @param thresholds  per label, the calibrated confidence from which it is routed; {@code null}:
     *                    always review (the target cannot be met for it)
     * @param expectation the share and precision of routed out-of-fold mail, overall and per label
     */
    public record Choice(Map<String, Double> thresholds, ModelMetadata.RoutingExpectation expectation) {
    }

    /**
     * @param predicted     predicted label index per example
     * @param confidence    calibrated probability of the predicted label per example
     * @param truth         true label index per example
     * @param priorStrength {@code m}: how many mails' worth of weight all labels' record has in a label's estimate
     */
    public static Choice choose(List<String> labels, int[] predicted, double[] confidence, int[] truth,
            double targetPrecision, double priorStrength) {
        return choose(labels, predicted, confidence, truth, targetPrecision, priorStrength, Routed.none(labels.size()));
    }

    /**
     * As {@link #choose(List, int[], double[], int[], double, double)}, for mail that an earlier stage
     * of a cascade did not route: the promise is kept by everything routed, so each label's estimate
     * and the overall bound count what the earlier stage routed for it as well. Where the earlier
     * stage routed above the target, this stage may route mail the earlier one could not, as long as
     * the label and the whole stay at the target.
     */
    public static Choice choose(List<String> labels, int[] predicted, double[] confidence, int[] truth,
            double targetPrecision, double priorStrength, Routed earlier) {
        Map<String, Double> thresholds = thresholds(labels, predicted, confidence, truth, targetPrecision, priorStrength, earlier);
        return new Choice(thresholds, expectation(thresholds, labels, predicted, confidence, truth, targetPrecision));
    }

    /**
     * Out-of-fold mail an earlier stage routed, per predicted label: how many, and how many rightly.
     */
    public record Routed(int[] perLabel, int[] rightPerLabel) {

        static Routed none(int labels) {
            return new Routed(new int[labels], new int[labels]);
        }

        int all() {
            return java.util.Arrays.stream(perLabel).sum();
        }

        int right() {
            return java.util.Arrays.stream(rightPerLabel).sum();
        }
    }

    /** The thresholds of {@link #choose}, for a caller that works out what they route over other mail. */
    public static Map<String, Double> thresholds(List<String> labels, int[] predicted, double[] confidence, int[] truth,
            double targetPrecision, double priorStrength) {
        return thresholds(labels, predicted, confidence, truth, targetPrecision, priorStrength, Routed.none(labels.size()));
    }

    private static Map<String, Double> thresholds(List<String> labels, int[] predicted, double[] confidence, int[] truth,
            double targetPrecision, double priorStrength, Routed earlier) {
        int n = predicted.length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        java.util.Arrays.sort(boxed, Comparator.comparingDouble((Integer i) -> confidence[i]).reversed());
        int[] order = java.util.Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        // Precision of all labels' predictions at or above each position's confidence.
        double[] allPrecision = new double[n];
        int correct = earlier.right();
        for (int k = 0; k < n; k++) {
            correct += predicted[order[k]] == truth[order[k]] ? 1 : 0;
            allPrecision[k] = (double) correct / (earlier.all() + k + 1);
        }
        Map<String, Double> thresholds = null;
        for (double bar = targetPrecision; bar < 1; bar += STEP) {
            thresholds = perLabel(labels, predicted, confidence, truth, order, allPrecision, bar, priorStrength, earlier);
            int[] routed = routed(thresholds, labels, predicted, confidence, truth, 0);
            if (routed[0] == 0 || wilsonLowerBound(routed[1] + earlier.right(), routed[0] + earlier.all()) >= targetPrecision) {
                break;
            }
            if (bar + STEP >= 1) {
                thresholds = new LinkedHashMap<>();
                for (String label : labels) {
                    thresholds.put(label, null);
                }
            }
        }
        return thresholds;
    }

    private static Map<String, Double> perLabel(List<String> labels, int[] predicted, double[] confidence, int[] truth,
            int[] order, double[] allPrecision, double bar, double priorStrength, Routed earlier) {
        int n = order.length;
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (int label = 0; label < labels.size(); label++) {
            Double threshold = null;
            int mine = earlier.perLabel()[label];
            int mineCorrect = earlier.rightPerLabel()[label];
            for (int k = 0; k < n; k++) {
                int i = order[k];
                if (confidence[i] < MIN_THRESHOLD) {
                    break;
                }
                if (predicted[i] == label) {
                    mine++;
                    mineCorrect += truth[i] == label ? 1 : 0;
                }
                boolean lastOfTie = k + 1 == n || confidence[order[k + 1]] < confidence[i];
                if (!lastOfTie) {
                    continue;
                }
                double estimate = (mineCorrect + priorStrength * allPrecision[k]) / (mine + priorStrength);
                if (estimate >= bar) {
                    threshold = confidence[i];
                }
            }
            thresholds.put(labels.get(label), threshold);
        }
        return thresholds;
    }

    /** {routed, routed correctly} among the examples whose label's threshold and {@code bar} they reach. */
    private static int[] routed(Map<String, Double> thresholds, List<String> labels, int[] predicted, double[] confidence,
            int[] truth, double bar) {
        int[] routed = new int[2];
        for (int i = 0; i < predicted.length; i++) {
            Double threshold = thresholds.get(labels.get(predicted[i]));
            if (threshold != null && confidence[i] >= threshold && confidence[i] >= bar) {
                routed[0]++;
                routed[1] += predicted[i] == truth[i] ? 1 : 0;
            }
        }
        return routed;
    }

    private static ModelMetadata.RoutingExpectation expectation(Map<String, Double> thresholds, List<String> labels,
            int[] predicted, double[] confidence, int[] truth, double targetPrecision) {
        boolean[] routed = new boolean[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            Double threshold = thresholds.get(labels.get(predicted[i]));
            routed[i] = threshold != null && confidence[i] >= threshold;
        }
        return expectation(labels, predicted, confidence, routed, truth, targetPrecision);
    }

    /**
     * What a routing did to out-of-fold predictions, overall, per predicted label and at each
     * destination bar.
     *
     * @param routed per example, whether it was routed without a person
     */
    public static ModelMetadata.RoutingExpectation expectation(List<String> labels, int[] predicted, double[] confidence,
            boolean[] routed, int[] truth, double targetPrecision) {
        int n = predicted.length;
        int[] examples = new int[labels.size()];
        int[] predictedAs = new int[labels.size()];
        int[] routedAs = new int[labels.size()];
        int[] routedRight = new int[labels.size()];
        int[][] atBar = new int[labels.size()][DESTINATION_BARS.size()];
        int[][] atBarRight = new int[labels.size()][DESTINATION_BARS.size()];
        int all = 0;
        int allRight = 0;
        for (int i = 0; i < n; i++) {
            if (truth[i] >= 0 && truth[i] < examples.length) {
                examples[truth[i]]++;
            }
            int label = predicted[i];
            boolean right = label == truth[i];
            predictedAs[label]++;
            if (!routed[i]) {
                continue;
            }
            all++;
            allRight += right ? 1 : 0;
            routedAs[label]++;
            routedRight[label] += right ? 1 : 0;
            for (int b = 0; b < DESTINATION_BARS.size(); b++) {
                if (confidence[i] >= DESTINATION_BARS.get(b)) {
                    atBar[label][b]++;
                    atBarRight[label][b] += right ? 1 : 0;
                }
            }
        }
        Map<String, ModelMetadata.LabelExpectation> perLabel = new LinkedHashMap<>();
        for (int label = 0; label < labels.size(); label++) {
            List<ModelMetadata.AtBar> bars = new ArrayList<>();
            for (int b = 0; b < DESTINATION_BARS.size(); b++) {
                bars.add(new ModelMetadata.AtBar(DESTINATION_BARS.get(b), atBar[label][b], atBarRight[label][b]));
            }
            perLabel.put(labels.get(label), new ModelMetadata.LabelExpectation(examples[label], predictedAs[label],
                    routedAs[label], routedRight[label], bars));
        }
        return new ModelMetadata.RoutingExpectation(targetPrecision, n, all, allRight, perLabel);
    }

    /** Wilson score lower bound (one standard deviation) of a precision measured as {@code correct} of {@code n}. */
    static double wilsonLowerBound(int correct, int n) {
        double p = (double) correct / n;
        double z2 = Z * Z;
        return (p + z2 / (2 * n) - Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n))) / (1 + z2 / n);
    }
}
