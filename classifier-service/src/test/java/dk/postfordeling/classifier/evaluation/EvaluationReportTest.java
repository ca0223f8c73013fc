package dk.postfordeling.classifier.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    private static final List<ScoredExample> EXAMPLES = List.of(
            new ScoredExample("a", "a", 0.99, true),
            new ScoredExample("a", "a", 0.95, true),
            new ScoredExample("b", "a", 0.90, true),
            new ScoredExample("b", "b", 0.80, false),
            new ScoredExample("ukendt", "b", 0.60, false));

    @Test
    void reportsAccuracyMacroF1AndWhatWasRouted() {
        Map<String, Object> report = EvaluationReport.of(EXAMPLES, 2, 1.25, 1000);

        assertThat(report).containsEntry("examples", 5).containsEntry("labels", 2).containsEntry("accuracy", 0.6);
        // a: P 2/3 R 1 -> 0.8; b: P 1/2 R 1/2 -> 0.5; ukendt (never predicted) -> 0
        assertThat((double) report.get("macroF1")).isCloseTo((0.8 + 0.5 + 0) / 3, within(1e-4));
        @SuppressWarnings("unchecked")
        Map<String, Object> routed = (Map<String, Object>) report.get("autoRouted");
        assertThat(routed).containsEntry("share", 0.6).containsEntry("precision", 0.6667);
        assertThat(report).containsEntry("trainSeconds", 1.3).containsEntry("predictionsPerSecond", 1000L);
    }

    @Test
    void coverageIsTheLargestMostConfidentShareThatMeetsThePrecision() {
        assertThat(EvaluationReport.coverageAtPrecision(EXAMPLES, 0.98)).isEqualTo(0.4);
        assertThat(EvaluationReport.coverageAtPrecision(EXAMPLES, 0.75)).isEqualTo(0.8);
        assertThat(EvaluationReport.coverageAtPrecision(EXAMPLES, 0.55)).isEqualTo(1.0);
    }
}
