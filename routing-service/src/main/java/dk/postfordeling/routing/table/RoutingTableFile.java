package dk.postfordeling.routing.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The routing table kept in its own YAML file ({@code postfordeling.routing.table-file}, with the keys
 * {@code destinations} and {@code always-review} as in application.yml), so the municipality's IT
 * team can change it without a restart: the file is read at start-up (a bad entry stops the
 * service), checked for changes every {@code table-check-interval}, and on
 * {@code POST /api/v1/routing-table/reload}. A changed file with a bad entry is refused with a
 * message naming it, and the table in use stays as it was.
 */
@Component
public class RoutingTableFile implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RoutingTableFile.class);

    private final Path file;
    private final RoutingTable table;
    private final ReviewRules rules;
    private final java.time.Duration checkInterval;
    private volatile FileTime loaded;

    public RoutingTableFile(RoutingTableFileProperties properties, RoutingTable table, ReviewRules rules) {
        this.file = properties.tableFile().isBlank() ? null : Path.of(properties.tableFile());
        this.checkInterval = properties.tableCheckInterval();
        this.table = table;
        this.rules = rules;
        if (this.file != null) {
            reload();
        }
    }

    /**
     * Reads the file and replaces the table and rules.
     *
     * @return how many destinations and rules are in use now
     * @throws InvalidRoutingTableException naming the bad entry; the table in use is unchanged
     */
    public synchronized Map<String, Integer> reload() {
        if (file == null) {
            throw new InvalidRoutingTableException("no routing table file is configured (postfordeling.routing.table-file)");
        }
        FileTime modified;
        Binder binder;
        try {
            modified = Files.getLastModifiedTime(file);
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("routing-table", new FileSystemResource(file));
            binder = new Binder(ConfigurationPropertySources.from(sources));
        } catch (IOException | RuntimeException e) {
            throw new InvalidRoutingTableException("routing table file " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, RoutingProperties.DestinationProperties> destinations = binder.bind("destinations",
                Bindable.mapOf(String.class, RoutingProperties.DestinationProperties.class)).orElse(Map.of());
        List<RoutingProperties.ReviewRuleProperties> alwaysReview = binder.bind("always-review",
                Bindable.listOf(RoutingProperties.ReviewRuleProperties.class)).orElse(List.of());
        // Validate both before replacing either, so a bad rule does not leave a half-new table.
        table.validate(destinations);
        ReviewRules.compile(alwaysReview);
        table.replace(destinations);
        rules.replace(alwaysReview);
        loaded = modified;
        log.info("routing table loaded from {}: {} destinations, {} always-review rules", file, destinations.size(), alwaysReview.size());
        return Map.of("destinations", destinations.size(), "alwaysReviewRules", alwaysReview.size());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (file != null) {
            tasks.addFixedDelayTask(this::reloadWhenChanged, checkInterval);
        }
    }

    void reloadWhenChanged() {
        if (file == null) {
            return;
        }
        try {
            if (!Files.getLastModifiedTime(file).equals(loaded)) {
                reload();
            }
        } catch (IOException | InvalidRoutingTableException e) {
            log.error("routing table file changed but was not loaded; the table in use is unchanged: {}", e.getMessage());
            try {
                loaded = Files.getLastModifiedTime(file); // report a bad file once, not every interval
            } catch (IOException ignored) {
                // the file is gone: keep the table in use
            }
        }
    }
}
