package dk.postfordeling.routing.web;

import dk.postfordeling.contracts.http.ModelOverview;
import dk.postfordeling.platform.text.Percent;
import dk.postfordeling.routing.table.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a model version is expected to route to each destination of the routing table, from the
 * classifier's cross-validation figures per label: at the model's own thresholds, and where the
 * destination has its own {@code target-precision}, at the smallest recorded confidence bar that is at
 * least that (the classifier records 0.90, 0.95, 0.98 and 0.99).
 */
final class ExpectedPerDestination {

    /**
     * @param label     the routing table key (a label of the model)
     * @param bar       the destination's confidence bar as shown, e.g. "98 %", or "" for none
     * @param predicted out-of-fold predictions of the label
     * @param routed    of those, routed; {@code null} when no recorded bar covers the destination's
     * @param share     routed share of the predictions as text, e.g. "87 %"
     * @param precision routed precision as text, or "–" when nothing was routed
     */
    record Row(String label, String bar, int predicted, Integer routed, String share, String precision) {
    }

    private ExpectedPerDestination() {
    }

    /** Rows for each destination with a label the version knows; empty when the version has no per-label figures. */
    static List<Row> of(ModelOverview.Version version, Map<String, Route> routes) {
        if (version.expected() == null || version.expected().perLabel() == null) {
            return List.of();
        }
        Map<String, ModelOverview.LabelFigures> perLabel = version.expected().perLabel();
        List<Row> rows = new ArrayList<>();
        routes.forEach((label, route) -> {
            ModelOverview.LabelFigures figures = perLabel.get(label);
            if (!(route instanceof Route.ToDestination destination) || figures == null) {
                return;
            }
            int predicted = figures.predicted();
            Double target = destination.targetPrecision();
            Optional<ModelOverview.Routed> atBar = target == null
                    ? Optional.of(new ModelOverview.Routed(figures.routed(), figures.routedCorrect()))
                    : bar(figures.atBars(), target);
            String shownBar = target == null ? "" : Percent.threshold(target) + " %";
            if (atBar.isEmpty()) {
                rows.add(new Row(label, shownBar, predicted, null, "–", "–"));
                return;
            }
            int routed = atBar.get().routed();
            int correct = atBar.get().routedCorrect();
            rows.add(new Row(label, shownBar, predicted, routed,
                    predicted == 0 ? "–" : Percent.confidence((double) routed / predicted) + " %",
                    routed == 0 ? "–" : Percent.confidence((double) correct / routed) + " %"));
        });
        return rows;
    }

    /** The figures at the smallest recorded bar that is at least the destination's target. */
    private static Optional<ModelOverview.Routed> bar(Map<String, ModelOverview.Routed> bars, double target) {
        if (bars == null) {
            return Optional.empty();
        }
        return bars.entrySet().stream()
                .filter(e -> Double.parseDouble(e.getKey()) >= target - 1e-9)
                .min(Map.Entry.comparingByKey((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b))))
                .map(Map.Entry::getValue);
    }
}
