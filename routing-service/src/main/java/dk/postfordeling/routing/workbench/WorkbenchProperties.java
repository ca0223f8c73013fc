package dk.postfordeling.routing.workbench;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The workbench's settings.
 *
 * @param undoWindow  how long a person can take back a decision before it is filed and learnt from (default 15 s)
 * @param recentDays  how far back the list of auto-routed mail for corrections reaches (default 14 days)
 * @param classifierUri          the classifier service, for the admin page's model overview
 * @param classifierClientId     routing's client of the classifier's model API (an ADMIN client there);
 *                               empty: no credentials are sent
 * @param classifierClientSecret its secret, from the environment ({@code POSTFORDELING_CLASSIFIER_CLIENT_SECRET})
 * @param minutesPerManualRouting how long a person takes to read and forward one mail by hand — the
 *                               efficiency report's one assumption, stated on the page (default 3;
 *                               each municipality measures its own)
 */
@ConfigurationProperties("postfordeling.workbench")
public record WorkbenchProperties(Duration undoWindow, Integer recentDays, String classifierUri, String classifierClientId,
        String classifierClientSecret, Double minutesPerManualRouting) {

    public WorkbenchProperties {
        undoWindow = undoWindow == null ? Duration.ofSeconds(15) : undoWindow;
        recentDays = recentDays == null ? 14 : recentDays;
        classifierUri = classifierUri == null ? "http://localhost:8082" : classifierUri;
        classifierClientId = classifierClientId == null ? "" : classifierClientId;
        classifierClientSecret = classifierClientSecret == null ? "" : classifierClientSecret;
        minutesPerManualRouting = minutesPerManualRouting == null ? 3.0 : minutesPerManualRouting;
        if (!(minutesPerManualRouting > 0)) {
            throw new IllegalArgumentException("postfordeling.workbench.minutes-per-manual-routing must be above 0");
        }
    }

    /** The secret stays out of logs and error pages that print the configuration. */
    @Override
    public String toString() {
        return "WorkbenchProperties[undoWindow=" + undoWindow + ", recentDays=" + recentDays + ", classifierUri=" + classifierUri
                + ", classifierClientId=" + classifierClientId + ", minutesPerManualRouting=" + minutesPerManualRouting + "]";
    }
}
