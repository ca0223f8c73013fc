package dk.postfordeling.routing.web;

import dk.postfordeling.routing.report.ReportPeriod;
import dk.postfordeling.routing.review.AuditLog;
import dk.postfordeling.routing.review.AuditSearch;
import dk.postfordeling.routing.security.SignedIn;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for ADMIN and the data protection officer: search by mail id, person and period
 * (days in Danish time, both included), and export as CSV. Every reading is itself audited
 * ({@code AUDIT_READ}, with the search and the number of rows).
 */
@Controller
record AuditController(AuditSearch search, AuditLog audit, SignedIn signedIn) {

    /** Rows shown on the page; the export holds up to {@link #EXPORT_ROWS}. */
    static final int PAGE_ROWS = 500;
    static final int EXPORT_ROWS = 100_000;

    @GetMapping("/admin/audit")
    String page(@RequestParam(defaultValue = "") String mail, @RequestParam(defaultValue = "") String actor,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Authentication who, Model model) {
        Search asked = Search.of(mail, actor, from, to);
        List<AuditSearch.Entry> rows = new ArrayList<>();
        if (asked.problem() == null) {
            search.search(asked.filter(), PAGE_ROWS, rows::add);
            audited(who, asked, rows.size(), "page");
        }
        model.addAttribute("asked", asked);
        model.addAttribute("rows", rows);
        model.addAttribute("limit", PAGE_ROWS);
        return "audit";
    }

    @GetMapping("/admin/audit.csv")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String mail, @RequestParam(defaultValue = "") String actor,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Authentication who) {
        Search asked = Search.of(mail, actor, from, to);
        if (asked.problem() != null) {
            return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(asked.problem().getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder csv = new StringBuilder("id;tidspunkt;person;handling;post;detaljer\r\n");
        int[] count = {0};
        search.search(asked.filter(), EXPORT_ROWS, entry -> {
            count[0]++;
            csv.append(entry.id()).append(';').append(entry.at()).append(';').append(cell(entry.actor())).append(';')
                    .append(entry.action()).append(';').append(entry.mailId() == null ? "" : entry.mailId()).append(';')
                    .append(cell(Format.details(entry.detail()))).append("\r\n");
        });
        audited(who, asked, count[0], "csv");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("revisionslog.csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The search as asked, and its filter; {@code problem} names a field that could not be read. */
    record Search(String mail, String actor, String from, String to, AuditSearch.Filter filter, String problem) {

        static Search of(String mail, String actor, String from, String to) {
            try {
                UUID mailId = mail.isBlank() ? null : UUID.fromString(mail.strip());
                Instant start = from.isBlank() ? null : LocalDate.parse(from.strip()).atStartOfDay(ReportPeriod.DANISH_TIME).toInstant();
                Instant end = to.isBlank() ? null : LocalDate.parse(to.strip()).plusDays(1).atStartOfDay(ReportPeriod.DANISH_TIME).toInstant();
                return new Search(mail, actor, from, to, new AuditSearch.Filter(mailId, actor, start, end), null);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return new Search(mail, actor, from, to, null,
                        "Søgningen kunne ikke forstås: post-id skal være et UUID og datoer skrives ÅÅÅÅ-MM-DD.");
            }
        }
    }

    private void audited(Authentication who, Search asked, int rows, String as) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("as", as);
        detail.put("rows", Integer.toString(rows));
        if (!asked.actor().isBlank()) {
            detail.put("actor", asked.actor().strip());
        }
        if (!asked.from().isBlank()) {
            detail.put("from", asked.from().strip());
        }
        if (!asked.to().isBlank()) {
            detail.put("to", asked.to().strip());
        }
        audit.record(signedIn.actor(who), "AUDIT_READ", asked.filter().mailId(), detail);
    }

    /** A CSV cell: quoted when it holds the separator, a quote or a line break. */
    private static String cell(String value) {
        return value.matches("(?s).*[;\"\r\n].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
