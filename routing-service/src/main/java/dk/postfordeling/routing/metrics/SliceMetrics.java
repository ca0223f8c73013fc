package dk.postfordeling.routing.metrics;

import dk.postfordeling.routing.report.LiveSlices;
import dk.postfordeling.routing.report.SliceProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The live slice view's flags as metrics, for the {@code SliceBelowWhole} alert: how many slices
 * of mail the model serves clearly worse than the whole, and which ({@code slice} tags such as
 * {@code language=en}: a dimension and a value, never content). Computed every
 * {@code check-interval}, not per scrape.
 */
@Component
public class SliceMetrics implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SliceMetrics.class);

    private final LiveSlices slices;
    private final Duration interval;
    private final AtomicReference<List<LiveSlices.Slice>> flagged = new AtomicReference<>(List.of());
    private final MultiGauge perSlice;

    public SliceMetrics(LiveSlices slices, SliceProperties properties, MeterRegistry meters) {
        this.slices = slices;
        this.interval = properties.checkInterval();
        Gauge.builder("postfordeling.routing.slices.flagged", flagged, f -> f.get().size())
                .description("slices of mail (language, channel, sender, length, CPR) with observed accuracy or routed share clearly below the whole")
                .register(meters);
        this.perSlice = MultiGauge.builder("postfordeling.routing.slice.below.whole")
                .description("1 for each flagged slice of mail, tagged with the slice").register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::refresh, interval, Duration.ofSeconds(10)));
    }

    public void refresh() {
        try {
            List<LiveSlices.Slice> now = slices.view().flagged();
            flagged.set(now);
            perSlice.register(now.stream().map(s -> MultiGauge.Row.of(Tags.of("slice", s.name()), 1)).toList(), true);
        } catch (RuntimeException e) {
            log.warn("slice flags not refreshed: {}", e.getClass().getSimpleName());
        }
    }
}
