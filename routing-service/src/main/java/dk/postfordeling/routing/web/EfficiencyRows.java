package dk.postfordeling.routing.web;

import dk.postfordeling.routing.report.Efficiency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The efficiency report as rows, the same for the page and the CSV export: what each figure is,
 * how it is shown, and its value for a spreadsheet (Danish: decimal comma).
 */
final class EfficiencyRows {

    /** One figure: {@code id} names it in the page and the CSV; {@code value} is for a spreadsheet. */
    record Row(String id, String figure, String shown, String value, String unit) {
    }

    private EfficiencyRows() {
    }

    static List<Row> of(Efficiency e) {
        List<Row> rows = new ArrayList<>();
        rows.add(count("received", "Post modtaget", e.received()));
        e.byChannel().forEach((channel, n) -> rows.add(count("received-" + channel.toLowerCase(Locale.ROOT),
                "Post modtaget via " + Format.channel(channel), n)));
        rows.add(share("by-model", "Fordelt af modellen", e.byModel(), e));
        rows.add(share("by-rules", "Fordelt af regler (afsenderens KLE-emne)", e.byRules(), e));
        rows.add(share("by-people", "Fordelt eller lukket af en medarbejder", e.byPeople(), e));
        rows.add(share("waiting", "Endnu ikke afsluttet", e.waiting(), e));
        rows.add(count("corrected", "Fordelt automatisk og rettet bagefter (tæller med hos medarbejdere)", e.correctedAfterwards()));
        timing(rows, "automatic", "Fra modtagelse til modtager, automatisk fordelt", e.automaticToDestination());
        timing(rows, "person", "Fra modtagelse til modtager, fordelt af en medarbejder", e.personToDestination());
        timing(rows, "handling", "Medarbejderens behandlingstid (fra taget til afgjort)", e.handling());
        rows.add(new Row("hours-saved", "Anslåede sparede medarbejdertimer", decimal(e.staffHoursSaved()) + " t",
                decimal(e.staffHoursSaved()), "timer"));
        rows.add(new Row("minutes-per-manual-routing", "Antagelse: minutter pr. manuel fordeling",
                decimal(e.minutesPerManualRouting()) + " min", decimal(e.minutesPerManualRouting()), "minutter"));
        return rows;
    }

    /** The CSV: {@code ;}-separated with a header, as Danish spreadsheets read it. */
    static String csv(Efficiency e) {
        StringBuilder csv = new StringBuilder("id;nøgletal;værdi;enhed\r\n");
        csv.append("period;Periode;").append(e.period().label()).append(" (").append(e.period().first()).append(" – ")
                .append(e.period().end().minusDays(1)).append(");\r\n");
        for (Row row : of(e)) {
            csv.append(row.id()).append(';').append(row.figure()).append(';').append(row.value()).append(';').append(row.unit()).append("\r\n");
        }
        return csv.toString();
    }

    private static Row count(String id, String figure, long n) {
        return new Row(id, figure, Long.toString(n), Long.toString(n), "post");
    }

    private static Row share(String id, String figure, long n, Efficiency e) {
        String percent = decimal(100 * e.share(n));
        return new Row(id, figure, n + " (" + percent + " %)", Long.toString(n), "post");
    }

    private static void timing(List<Row> rows, String id, String figure, Efficiency.Timing timing) {
        rows.add(new Row(id + "-count", figure + ": antal", Long.toString(timing.count()), Long.toString(timing.count()), "post"));
        rows.add(seconds(id + "-median", figure + ": median", timing.median(), timing.count()));
        rows.add(seconds(id + "-p95", figure + ": 95 %-fraktil", timing.p95(), timing.count()));
    }

    private static Row seconds(String id, String figure, Duration duration, long count) {
        return count == 0 ? new Row(id, figure, "–", "", "sekunder")
                : new Row(id, figure, Format.duration(duration), decimal(duration.toMillis() / 1000.0), "sekunder");
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replace('.', ',');
    }
}
