package dk.postfordeling.routing.web;

import dk.postfordeling.routing.workbench.WorkbenchQueries;
import java.util.ArrayList;
import java.util.List;

/**
 * The ops page's chart of the last days, drawn as SVG on the server (no script, no library): per day
 * a bar of mail classified, the part routed automatically inside it, and a dot for observed accuracy.
 */
public record Chart(int width, int height, List<Bar> bars, long max) {

    /** One day's bar, in SVG coordinates. */
    public record Bar(String label, int x, int width, int totalY, int totalHeight, int autoY, int autoHeight, int accuracyY,
            String title) {
    }

    static final int HEIGHT = 160;
    static final int BAR = 28;
    static final int GAP = 12;

    static Chart of(List<WorkbenchQueries.Day> newestFirst) {
        List<WorkbenchQueries.Day> days = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(days);
        long max = Math.max(1, days.stream().mapToLong(WorkbenchQueries.Day::classified).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            WorkbenchQueries.Day day = days.get(i);
            int total = (int) Math.round((double) day.classified() / max * HEIGHT);
            int auto = (int) Math.round((double) day.autoRouted() / max * HEIGHT);
            // No dot (-1) on a day without automatically routed mail: there is no accuracy to show.
            int accuracy = day.autoRouted() == 0 ? -1 : (int) Math.round((1 - day.observedAccuracy()) * HEIGHT);
            bars.add(new Bar(day.day().getDayOfMonth() + "/" + day.day().getMonthValue(), i * (BAR + GAP), BAR,
                    HEIGHT - total, total, HEIGHT - auto, auto, accuracy,
                    day.day() + ": " + day.classified() + " vurderet, " + day.autoRouted() + " automatisk"
                            + (day.autoRouted() == 0 ? "" : ", træfsikkerhed " + Format.percent(day.observedAccuracy()))));
        }
        return new Chart(Math.max(1, days.size()) * (BAR + GAP), HEIGHT, bars, max);
    }
}
