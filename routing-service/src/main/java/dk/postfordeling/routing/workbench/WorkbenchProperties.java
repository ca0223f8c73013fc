package dk.postfordeling.routing.workbench;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The workbench's settings.
 *
 * @param undoWindow  how long a person can take back a decision before it is filed and learnt from (default 15 s)
 * @param recentDays  how far back the list of auto-routed mail for corrections reaches (default 14 days)
 */
@ConfigurationProperties("postfordeling.workbench")
public record WorkbenchProperties(Duration undoWindow, Integer recentDays) {

    public WorkbenchProperties {
        undoWindow = undoWindow == null ? Duration.ofSeconds(15) : undoWindow;
        recentDays = recentDays == null ? 14 : recentDays;
    }
}
