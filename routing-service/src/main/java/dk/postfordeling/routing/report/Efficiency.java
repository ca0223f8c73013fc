package dk.postfordeling.routing.report;

import java.time.Duration;
import java.util.Map;

/**
 * The efficiency figures of one period, for the mail that arrived in it (a mail is counted in the
 * period it arrived, whatever happened to it later).
 *
 * @param period                  the week or month
 * @param byChannel               mail received, by channel ({@code UNKNOWN}: failed before it was read)
 * @param byModel                 filed where the model chose, without a person
 * @param byRules                 filed by a rule (a Digital Post sender's KLE subject key), without a person
 * @param byPeople                filed or closed by a person (including mail corrected after automatic filing)
 * @param waiting                 still with a person or on its way at the time of the report
 * @param correctedAfterwards     filed automatically, then corrected by a person (not undone)
 * @param automaticToDestination  arrival to destination of mail filed without a person
 * @param personToDestination     arrival to destination of mail a person filed
 * @param handling                a person's time from claiming a mail to deciding it
 * @param arrivalUnknown          mail whose intake time the classifier did not pass on (before
 *                                schema 1.4): counted from routing's arrival instead
 * @param minutesPerManualRouting the assumption behind {@link #staffHoursSaved()}
 */
public record Efficiency(ReportPeriod period, Map<String, Long> byChannel, long byModel, long byRules, long byPeople,
        long waiting, long correctedAfterwards, Timing automaticToDestination, Timing personToDestination, Timing handling,
        long arrivalUnknown, double minutesPerManualRouting) {

    public Efficiency {
        byChannel = Map.copyOf(byChannel);
    }

    /** Median and 95th percentile of {@code count} durations (PostgreSQL's {@code percentile_cont}); zero when none. */
    public record Timing(long count, Duration median, Duration p95) {

        public static final Timing NONE = new Timing(0, Duration.ZERO, Duration.ZERO);
    }

    public long received() {
        return byChannel.values().stream().mapToLong(Long::longValue).sum();
    }

    public long automatic() {
        return byModel + byRules;
    }

    /** A share of the mail received, 0 when none was. */
    public double share(long part) {
        return received() == 0 ? 0 : (double) part / received();
    }

    /**
     * Hours staff did not spend routing by hand: mail filed automatically and not corrected, times the
     * assumed minutes per manual routing. Corrected mail is already counted as routed by people.
     */
    public double staffHoursSaved() {
        return automatic() * minutesPerManualRouting / 60.0;
    }
}
