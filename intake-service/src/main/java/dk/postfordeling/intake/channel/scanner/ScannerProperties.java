package dk.postfordeling.intake.channel.scanner;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The folder a scanning vendor drops scanned letters in.
 *
 * @param enabled      whether to watch it
 * @param dir          the drop folder; accepted files move to {@code dir/processed}
 * @param minAge       how long a file must be unchanged before it is taken (the vendor may still be writing)
 * @param pollInterval time between looks
 */
@ConfigurationProperties("postfordeling.intake.scanner")
public record ScannerProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("./.local/scanner-drop") Path dir,
        @DefaultValue("5s") Duration minAge,
        @DefaultValue("10s") Duration pollInterval) {
}
