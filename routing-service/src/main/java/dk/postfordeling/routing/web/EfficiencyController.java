package dk.postfordeling.routing.web;

import dk.postfordeling.routing.report.Efficiency;
import dk.postfordeling.routing.report.EfficiencyReport;
import dk.postfordeling.routing.report.ReportPeriod;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The efficiency report for OPS and ADMIN: a week or a month, as a page (printable) and as CSV.
 * {@code ?period=WEEK|MONTH&date=YYYY-MM-DD} picks the week or month that holds the date (default: today).
 */
@Controller
record EfficiencyController(EfficiencyReport report, Clock clock) {

    @GetMapping("/ops/efficiency")
    String page(@RequestParam(defaultValue = "WEEK") String period, @RequestParam(required = false) String date, Model model) {
        ReportPeriod chosen = period(period, date);
        Efficiency efficiency = report.of(chosen);
        model.addAttribute("efficiency", efficiency);
        model.addAttribute("rows", EfficiencyRows.of(efficiency));
        model.addAttribute("period", chosen);
        return "efficiency";
    }

    @GetMapping(value = "/ops/efficiency.csv")
    ResponseEntity<byte[]> csv(@RequestParam(defaultValue = "WEEK") String period, @RequestParam(required = false) String date) {
        ReportPeriod chosen = period(period, date);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("effekt-" + chosen.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + chosen.first() + ".csv")
                        .build().toString())
                .body(EfficiencyRows.csv(report.of(chosen)).getBytes(StandardCharsets.UTF_8));
    }

    private ReportPeriod period(String kind, String date) {
        ReportPeriod.Kind chosen = "MONTH".equalsIgnoreCase(kind) ? ReportPeriod.Kind.MONTH : ReportPeriod.Kind.WEEK;
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now(clock.withZone(ReportPeriod.DANISH_TIME)) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            day = LocalDate.now(clock.withZone(ReportPeriod.DANISH_TIME));
        }
        return ReportPeriod.containing(chosen, day);
    }
}
