package dk.postfordeling.routing.report;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the live slice view calls a slice of mail worse than the whole.
 *
 * @param days          how far back it looks (reviewers' decisions and corrections)
 * @param margin        how far below the whole's observed accuracy or routed share a slice must fall
 * @param minMail       the least mail a slice needs before it can be flagged (fewer cannot tell)
 * @param checkInterval how often the flags behind the metric and its alert are computed
 */
@ConfigurationProperties("postfordeling.workbench.slices")
public record SliceProperties(@DefaultValue("30") int days, @DefaultValue("0.10") double margin, @DefaultValue("30") int minMail,
        @DefaultValue("PT5M") Duration checkInterval) {

    public SliceProperties {
        if (days < 1 || !(margin > 0 && margin < 1) || minMail < 1) {
            throw new IllegalArgumentException("postfordeling.workbench.slices: days ≥ 1, 0 < margin < 1 and min-mail ≥ 1");
        }
    }
}
