package dk.postfordeling.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.testing.MainSources;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Rules of routing's main sources the compiler cannot check (see {@link MainSources}). */
class SourceRulesTest {

    /**
     * A named kind of destination: {@code DestinationType.F2}, {@code case F2} or {@code case "F2"}.
     * UNKNOWN is every reader's.
     */
    private static final Pattern A_KIND = Pattern.compile("(?:DestinationType\\.|case\\s+\"?)(?:" + Arrays.stream(DestinationType.values())
            .filter(type -> type != DestinationType.UNKNOWN).map(Enum::name).collect(Collectors.joining("|")) + ")\\b");
    private static final Path ADAPTERS = Path.of("dk/postfordeling/routing/destination");

    @Test
    void settingsAreTypedAndTopicNamesComeFromTheCatalogue() {
        MainSources.assertSettingsTypedAndTopicsFromTheCatalogue();
    }

    /**
     * A kind of destination is named only in its adapter's own package ({@code destination/<kind>/}),
     * where its {@code DestinationKind} declares it: adding a kind needs no case in a switch elsewhere.
     */
    @Test
    void aKindOfDestinationIsNamedOnlyInItsAdaptersPackage() {
        assertThat(MainSources.linesMatching(A_KIND, "a kind of destination named outside its adapter's package",
                file -> !(file.startsWith(ADAPTERS) && file.getNameCount() > ADAPTERS.getNameCount() + 1))).isEmpty();
    }
}
