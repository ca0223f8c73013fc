package dk.postfordeling.routing.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.postfordeling.routing.table.RoutingProperties.DestinationProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

    @Test
    void readsMailboxAndReviewEntries() {
        var routes = RoutingTable.validate(Map.of(
                "parkering", new DestinationProperties("FUNCTION_MAILBOX", "parkering@kommune.example"),
                "pleje-og-omsorg", new DestinationProperties("review", null)));

        assertThat(routes.get("parkering")).isEqualTo(new Route.ToMailbox("parkering", "parkering@kommune.example"));
        assertThat(routes.get("pleje-og-omsorg")).isEqualTo(new Route.ToReview("pleje-og-omsorg"));
    }

    @Test
    void aMailboxWithoutAValidAddressIsNamedInTheError() {
        assertThatThrownBy(() -> RoutingTable.validate(Map.of(
                "parkering", new DestinationProperties("FUNCTION_MAILBOX", "parkering@kommune.example"),
                "affald", new DestinationProperties("FUNCTION_MAILBOX", "affald at kommune"))))
                .isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("'affald'")
                .hasMessageContaining("affald at kommune");
    }

    @Test
    void anUnknownTypeIsNamedInTheError() {
        assertThatThrownBy(() -> RoutingTable.validate(Map.of(
                "byggeri", new DestinationProperties("FAX", "12345678"))))
                .isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("'byggeri'")
                .hasMessageContaining("'FAX'");
    }

    @Test
    void anEmptyTableIsRefused() {
        assertThatThrownBy(() -> RoutingTable.validate(Map.of()))
                .isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("empty");
    }
}
