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
                "parkering", new DestinationProperties("FUNCTION_MAILBOX", "parkering@kommune.example", null, null),
                "pleje-og-omsorg", new DestinationProperties("review", null, null, null)));

        assertThat(routes.get("parkering")).isEqualTo(new Route.ToDestination("parkering", dk.postfordeling.contracts.DestinationType.FUNCTION_MAILBOX, "parkering@kommune.example", null));
        assertThat(routes.get("pleje-og-omsorg")).isEqualTo(new Route.ToReview("pleje-og-omsorg"));
    }

    @Test
    void aMailboxWithoutAValidAddressIsNamedInTheError() {
        assertThatThrownBy(() -> RoutingTable.validate(Map.of(
                "parkering", new DestinationProperties("FUNCTION_MAILBOX", "parkering@kommune.example", null, null),
                "affald", new DestinationProperties("FUNCTION_MAILBOX", "affald at kommune", null, null))))
                .isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("'affald'")
                .hasMessageContaining("affald at kommune");
    }

    @Test
    void anUnknownTypeIsNamedInTheError() {
        assertThatThrownBy(() -> RoutingTable.validate(Map.of(
                "byggeri", new DestinationProperties("FAX", "12345678", null, null))))
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

    @Test
    void esdhDestinationsNameTheirCaseAndMayBeStricter() {
        Map<String, Route> routes = RoutingTable.validate(Map.of(
                "byggeri", new DestinationProperties("F2", null, "4711", null),
                "05.04.08", new DestinationProperties("SBSYS", null, "27.00.00-G01-1-24", null),
                "boern-og-familie", new DestinationProperties("GET_ORGANIZED", null, "BOR-2022-000046", 0.99)));

        assertThat(routes.get("byggeri")).isEqualTo(new Route.ToDestination("byggeri", dk.postfordeling.contracts.DestinationType.F2, "4711", null));
        assertThat(routes.get("05.04.08")).isEqualTo(new Route.ToDestination("05.04.08", dk.postfordeling.contracts.DestinationType.SBSYS, "27.00.00-G01-1-24", null));
        assertThat(((Route.ToDestination) routes.get("boern-og-familie")).targetPrecision()).isEqualTo(0.99);
    }

    @Test
    void aCaseNumberOfTheWrongShapeIsNamedInTheError() {
        assertThatThrownBy(() -> RoutingTable.validate(Map.of(
                "skole", new DestinationProperties("SBSYS", null, "sag 17", null))))
                .isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("'skole'")
                .hasMessageContaining("'sag 17'")
                .hasMessageContaining("27.00.00-G01-1-24");
        assertThatThrownBy(() -> RoutingTable.validate(Map.of(
                "byggeri", new DestinationProperties("F2", null, null, null))))
                .isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("'byggeri' needs case-id");
    }

    @Test
    void aTargetPrecisionOutsideZeroToOneIsNamedInTheError() {
        assertThatThrownBy(() -> RoutingTable.validate(Map.of(
                "skole", new DestinationProperties("FUNCTION_MAILBOX", "skole@kommune.example", null, 95.0))))
                .isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("'skole'")
                .hasMessageContaining("target-precision 95.0");
    }
}
