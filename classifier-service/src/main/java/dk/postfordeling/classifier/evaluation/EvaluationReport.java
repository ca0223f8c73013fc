package dk.postfordeling.classifier.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The figures of an evaluation on a test set (the {@code evaluate} command's report). */
public final class EvaluationReport {

    /** Precision levels reported under {@code coverageAtPrecision}. */
    public static final List<String> PRECISION_LEVELS = List.of("0.90", "0.95", "0.98");

    private EvaluationReport() {
    }

    /**
     * @param trainingLabels number of labels the model was trained on
     */
    public static Map<String, Object> of(List<ScoredExample> examples, int trainingLabels, double trainSeconds,
            double predictionsPerSecond) {
        Map<String, Object> report = new LinkedHashMap<>();
        int n = examples.size();
        long correct = examples.stream().filter(ScoredExample::correct).count();
        report.put("examples", n);
        report.put("labels", trainingLabels);
        report.put("accuracy", round(n == 0 ? 0 : (double) correct / n));
        report.put("macroF1", round(macroF1(examples)));
        List<ScoredExample> routed = examples.stream().filter(ScoredExample::routed).toList();
        long routedCorrect = routed.stream().filter(ScoredExample::correct).count();
        Map<String, Object> autoRouted = new LinkedHashMap<>();
        autoRouted.put("share", round(n == 0 ? 0 : (double) routed.size() / n));
        autoRouted.put("precision", round(routed.isEmpty() ? 0 : (double) routedCorrect / routed.size()));
        autoRouted.put("routed", routed.size());
        report.put("autoRouted", autoRouted);
        Map<String, Double> coverage = new LinkedHashMap<>();
        for (String level : PRECISION_LEVELS) {
            coverage.put(level, round(coverageAtPrecision(examples, Double.parseDouble(level))));
        }
        report.put("coverageAtPrecision", coverage);
        report.put("expectedCalibrationError", round(expectedCalibrationError(examples, 10)));
        report.put("trainSeconds", Math.round(trainSeconds * 10) / 10.0);
        report.put("predictionsPerSecond", Math.round(predictionsPerSecond));
        return report;
    }

    /** Unweighted mean F1 over every label that occurs as truth or prediction. */
    static double macroF1(List<ScoredExample> examples) {
        TreeSet<String> labels = new TreeSet<>();
        examples.forEach(e -> {
            labels.add(e.truth());
            labels.add(e.predicted());
        });
        if (labels.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (String label : labels) {
            long tp = examples.stream().filter(e -> e.predicted().equals(label) && e.truth().equals(label)).count();
            long fp = examples.stream().filter(e -> e.predicted().equals(label) && !e.truth().equals(label)).count();
            long fn = examples.stream().filter(e -> !e.predicted().equals(label) && e.truth().equals(label)).count();
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return sum / labels.size();
    }

    /** The largest share of the examples, taken most confident first, whose precision is at least the level. */
    static double coverageAtPrecision(List<ScoredExample> examples, double level) {
        List<ScoredExample> sorted = new ArrayList<>(examples);
        sorted.sort(Comparator.comparingDouble(ScoredExample::confidence).reversed());
        int best = 0;
        int correct = 0;
        for (int k = 0; k < sorted.size(); k++) {
            correct += sorted.get(k).correct() ? 1 : 0;
            boolean lastOfTie = k + 1 == sorted.size() || sorted.get(k + 1).confidence() < sorted.get(k).confidence();
            if (lastOfTie && correct >= level * (k + 1)) {
                best = k + 1;
            }
        }
        return sorted.isEmpty() ? 0 : (double) best / sorted.size();
    }

    /** Mean gap between confidence and accuracy over equal-width confidence bins, weighted by bin size. */
    static double expectedCalibrationError(List<ScoredExample> examples, int bins) {
        double[] confidence = new double[bins];
        double[] correct = new double[bins];
        int[] count = new int[bins];
        for (ScoredExample e : examples) {
            int bin = Math.min(bins - 1, (int) (e.confidence() * bins));
            confidence[bin] += e.confidence();
            correct[bin] += e.correct() ? 1 : 0;
            count[bin]++;
        }
        double error = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                error += Math.abs(confidence[b] - correct[b]) / examples.size();
            }
        }
        return error;
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
