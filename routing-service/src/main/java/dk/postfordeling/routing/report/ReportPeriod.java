package dk.postfordeling.routing.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * A week (Monday to Sunday, ISO week number) or a calendar month, in Danish time.
 *
 * @param kind  week or month
 * @param first its first day
 */
public record ReportPeriod(Kind kind, LocalDate first) {

    public static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final Locale DANISH = Locale.forLanguageTag("da");

    public enum Kind { WEEK, MONTH }

    /** The week or month that holds {@code day}. */
    public static ReportPeriod containing(Kind kind, LocalDate day) {
        return new ReportPeriod(kind, kind == Kind.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day.withDayOfMonth(1));
    }

    /** The day after its last. */
    public LocalDate end() {
        return kind == Kind.WEEK ? first.plusWeeks(1) : first.plusMonths(1);
    }

    public ReportPeriod previous() {
        return new ReportPeriod(kind, kind == Kind.WEEK ? first.minusWeeks(1) : first.minusMonths(1));
    }

    public ReportPeriod next() {
        return new ReportPeriod(kind, end());
    }

    public Instant from() {
        return first.atStartOfDay(DANISH_TIME).toInstant();
    }

    public Instant to() {
        return end().atStartOfDay(DANISH_TIME).toInstant();
    }

    /** {@code uge 49, 2026} or {@code december 2026}. */
    public String label() {
        return kind == Kind.WEEK
                ? "uge " + first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ", " + first.get(IsoFields.WEEK_BASED_YEAR)
                : first.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, DANISH) + " " + first.getYear();
    }
}
