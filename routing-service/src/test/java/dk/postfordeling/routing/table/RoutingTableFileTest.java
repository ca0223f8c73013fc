package dk.postfordeling.routing.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.contracts.MailContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing table in its own file: loaded at start-up, reloaded when it changes, a bad change refused. */
class RoutingTableFileTest {

    private static final String TABLE = """
            destinations:
              parkering: { type: FUNCTION_MAILBOX, address: parkering@kommune.example }
              "[05.04.08]": { type: SBSYS, case-id: 05.04.08-G01-2-26 }
            always-review:
              - name: aktindsigt
                terms: [aktindsigt]
            """;

    private final RoutingProperties defaults = new RoutingProperties(Path.of("blobs"), "post@kommune.example",
            Map.of("affald", new RoutingProperties.DestinationProperties("FUNCTION_MAILBOX", "affald@kommune.example", null, null)),
            5, Duration.ofSeconds(5), Duration.ofMillis(250), List.of(), true, 1);
    private final RoutingTable table = new RoutingTable(defaults, Kinds.all());
    private final ReviewRules rules = new ReviewRules(defaults);

    @Test
    void theFileReplacesTheConfiguredTableAndAChangeIsPickedUp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routing-table.yml");
        Files.writeString(file, TABLE);

        RoutingTableFile tableFile = new RoutingTableFile(new RoutingTableFileProperties(file.toString(), java.time.Duration.ofSeconds(10)), table, rules);

        assertThat(table.routeFor("affald")).isEmpty();
        assertThat(table.routeFor("05.04.08")).contains(new Route.ToDestination("05.04.08", DestinationType.SBSYS, "05.04.08-G01-2-26", null));
        assertThat(rules.firstMatch(new MailContent(null, "Jeg beder om aktindsigt", 0, false))).isPresent();

        Files.writeString(file, TABLE.replace("parkering: {", "skole: { type: REVIEW }\n  parkering: {"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        tableFile.reloadWhenChanged();

        assertThat(table.routeFor("skole")).contains(new Route.ToReview("skole"));
    }

    @Test
    void aBadChangeIsRefusedNamingTheEntryAndTheTableInUseStays(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routing-table.yml");
        Files.writeString(file, TABLE);
        RoutingTableFile tableFile = new RoutingTableFile(new RoutingTableFileProperties(file.toString(), java.time.Duration.ofSeconds(10)), table, rules);

        Files.writeString(file, TABLE.replace("address: parkering@kommune.example", "address: parkering hos kommunen"));

        assertThatThrownBy(tableFile::reload).isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("'parkering'").hasMessageContaining("parkering hos kommunen");
        assertThat(table.routeFor("parkering")).contains(
                new Route.ToDestination("parkering", DestinationType.FUNCTION_MAILBOX, "parkering@kommune.example", null));
        assertThat(rules.firstMatch(new MailContent(null, "aktindsigt", 0, false))).isPresent();
    }

    @Test
    void aBadFileStopsStartUp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routing-table.yml");
        Files.writeString(file, TABLE.replace("type: SBSYS", "type: TELEFAX"));

        assertThatThrownBy(() -> new RoutingTableFile(new RoutingTableFileProperties(file.toString(), java.time.Duration.ofSeconds(10)), table, rules))
                .isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("'05.04.08'").hasMessageContaining("'TELEFAX'");
    }
}
