package dk.postfordeling.classifier.retraining;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retraining from staff decisions.
 *
 * @param baseData       the municipality's labelled history (CSV or JSONL, {@code text,label}) that every
 *                       retraining starts from; empty: the bundled sample data, allowed only while the
 *                       model in use was itself trained on the sample
 * @param schedule       cron expression for scheduled retraining, e.g. {@code 0 0 2 * * SUN}; {@code -}: on demand only
 * @param shadowShare    share of the newest staff decisions held out to compare the new model with the one in use
 * @param minDecisions   fewest staff decisions (with text) worth retraining on; fewer: nothing is retrained
 */
@ConfigurationProperties("postfordeling.classifier.retraining")
public record RetrainingProperties(Path baseData, String schedule, Double shadowShare, Integer minDecisions) {

    public RetrainingProperties {
        schedule = schedule == null || schedule.isBlank() ? "-" : schedule;
        shadowShare = shadowShare == null ? 0.2 : shadowShare;
        minDecisions = minDecisions == null ? 5 : minDecisions;
        if (!(shadowShare > 0 && shadowShare < 1)) {
            throw new IllegalArgumentException("postfordeling.classifier.retraining.shadow-share must be between 0 and 1");
        }
    }
}
