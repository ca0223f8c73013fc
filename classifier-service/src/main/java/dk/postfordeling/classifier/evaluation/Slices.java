package dk.postfordeling.classifier.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who the model fails: the evaluation's figures per slice of the test mail (see
 * {@link dk.postfordeling.classifier.text.MailSlices}), beside the whole. A
 * slice is flagged when its accuracy or routed share falls below the whole's by more than
 * {@code margin}, and it has at least {@code minExamples} mails — fewer cannot tell.
 */
public final class Slices {

    private Slices() {
    }

    /**
     * The {@code slices} section of a report: per slice its examples, accuracy, routed share and the
     * precision of that routing, whether it is flagged, and why.
     *
     * @param sliceOf the slices of each example, in the same order
     */
    public static Map<String, Object> report(List<ScoredExample> examples, List<List<String>> sliceOf, double margin, int minExamples) {
        Figures whole = Figures.of(examples);
        Map<String, List<ScoredExample>> bySlice = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            for (String slice : sliceOf.get(i)) {
                bySlice.computeIfAbsent(slice, s -> new ArrayList<>()).add(examples.get(i));
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("margin", margin);
        report.put("minExamples", minExamples);
        Map<String, Object> slices = new LinkedHashMap<>();
        bySlice.forEach((slice, members) -> {
            Figures figures = Figures.of(members);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("examples", members.size());
            entry.put("accuracy", EvaluationReport.round(figures.accuracy()));
            entry.put("routedShare", EvaluationReport.round(figures.routedShare()));
            entry.put("routedPrecision", EvaluationReport.round(figures.routedPrecision()));
            List<String> below = new ArrayList<>();
            if (members.size() >= minExamples) {
                if (figures.accuracy() < whole.accuracy() - margin) {
                    below.add("accuracy");
                }
                if (figures.routedShare() < whole.routedShare() - margin) {
                    below.add("routedShare");
                }
            }
            entry.put("flagged", !below.isEmpty());
            entry.put("below", below);
            slices.put(slice, entry);
        });
        report.put("slices", slices);
        return report;
    }

    private record Figures(double accuracy, double routedShare, double routedPrecision) {

        static Figures of(List<ScoredExample> examples) {
            int n = examples.size();
            long correct = examples.stream().filter(ScoredExample::correct).count();
            List<ScoredExample> routed = examples.stream().filter(ScoredExample::routed).toList();
            long routedCorrect = routed.stream().filter(ScoredExample::correct).count();
            return new Figures(n == 0 ? 0 : (double) correct / n, n == 0 ? 0 : (double) routed.size() / n,
                    routed.isEmpty() ? 0 : (double) routedCorrect / routed.size());
        }
    }
}
