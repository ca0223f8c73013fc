package dk.postfordeling.routing.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.postfordeling.routing.table.RoutingProperties.DestinationProperties;
import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.destination.mailbox.MailboxKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

    private static Map<String, Route> validate(Map<String, DestinationProperties> destinations) {
        return RoutingTable.validate(destinations, Kinds.all());
    }

    @Test
    void readsMailboxAndReviewEntries() {
        var routes = validate(Map.of(
                "parkering", new DestinationProperties("FUNCTION_MAILBOX", "parkering@kommune.example", null, null),
                "pleje-og-omsorg", new DestinationProperties("review", null, null, null)));

        assertThat(routes.get("parkering")).isEqualTo(new Route.ToDestination("parkering", dk.postfordeling.contracts.DestinationType.FUNCTION_MAILBOX, "parkering@kommune.example", null));
        assertThat(routes.get("pleje-og-omsorg")).isEqualTo(new Route.ToReview("pleje-og-omsorg"));
    }

    @Test
    void aMailboxWithoutAValidAddressIsNamedInTheError() {
        assertThatThrownBy(() -> validate(Map.of(
                "parkering", new DestinationProperties("FUNCTION_MAILBOX", "parkering@kommune.example", null, null),
                "affald", new DestinationProperties("FUNCTION_MAILBOX", "affald at kommune", null, null))))
                .isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("'affald'")
                .hasMessageContaining("affald at kommune");
    }

    @Test
    void anUnknownTypeIsNamedInTheError() {
        assertThatThrownBy(() -> validate(Map.of(
                "byggeri", new DestinationProperties("FAX", "12345678", null, null))))
                .isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("'byggeri'")
                .hasMessageContaining("'FAX'");
    }

    @Test
    void anEmptyTableIsRefused() {
        assertThatThrownBy(() -> validate(Map.of()))
                .isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void esdhDestinationsNameTheirCaseAndMayBeStricter() {
        Map<String, Route> routes = validate(Map.of(
                "byggeri", new DestinationProperties("F2", null, "4711", null),
                "05.04.08", new DestinationProperties("SBSYS", null, "27.00.00-G01-1-24", null),
                "boern-og-familie", new DestinationProperties("GET_ORGANIZED", null, "BOR-2022-000046", 0.99)));

        assertThat(routes.get("byggeri")).isEqualTo(new Route.ToDestination("byggeri", dk.postfordeling.contracts.DestinationType.F2, "4711", null));
        assertThat(routes.get("05.04.08")).isEqualTo(new Route.ToDestination("05.04.08", dk.postfordeling.contracts.DestinationType.SBSYS, "27.00.00-G01-1-24", null));
        assertThat(((Route.ToDestination) routes.get("boern-og-familie")).targetPrecision()).isEqualTo(0.99);
    }

    @Test
    void aCaseNumberOfTheWrongShapeIsNamedInTheError() {
        assertThatThrownBy(() -> validate(Map.of(
                "skole", new DestinationProperties("SBSYS", null, "sag 17", null))))
                .isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("'skole'")
                .hasMessageContaining("'sag 17'")
                .hasMessageContaining("27.00.00-G01-1-24");
        assertThatThrownBy(() -> validate(Map.of(
                "byggeri", new DestinationProperties("F2", null, null, null))))
                .isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("'byggeri' needs case-id");
    }

    @Test
    void aTargetPrecisionOutsideZeroToOneIsNamedInTheError() {
        assertThatThrownBy(() -> validate(Map.of(
                "skole", new DestinationProperties("FUNCTION_MAILBOX", "skole@kommune.example", null, 95.0))))
                .isInstanceOf(InvalidRoutingTableException.class)
                .hasMessageContaining("'skole'")
                .hasMessageContaining("target-precision 95.0");
    }

    /** The table asks each entry's kind to check it; a kind the service does not declare is refused with those it does. */
    @Test
    void eachKindChecksItsOwnEntries() {
        DestinationKind numberedCases = new DestinationKind() {
            @Override
            public DestinationType type() {
                return DestinationType.F2;
            }

            @Override
            public String instanceName() {
                return "f2";
            }

            @Override
            public String target(String where, DestinationProperties entry) {
                if (!entry.caseId().matches("\\d+")) {
                    throw new InvalidRoutingTableException(where + " needs a numbered case");
                }
                return entry.caseId();
            }
        };
        DestinationKinds onlyF2 = new DestinationKinds(List.of(numberedCases));

        assertThat(RoutingTable.validate(Map.of("byggeri", new DestinationProperties("f2", null, "4711", null)), onlyF2))
                .containsEntry("byggeri", new Route.ToDestination("byggeri", DestinationType.F2, "4711", null));
        assertThatThrownBy(() -> RoutingTable.validate(Map.of("byggeri", new DestinationProperties("F2", null, "BYG-1", null)), onlyF2))
                .hasMessage("routing table entry 'byggeri' needs a numbered case");
        assertThatThrownBy(() -> RoutingTable.validate(Map.of("skole", new DestinationProperties("SBSYS", null, "17.01.00-G01-3-26", null)), onlyF2))
                .hasMessage("routing table entry 'skole' has unsupported type 'SBSYS' (supported: F2, REVIEW)");
    }

    @Test
    void aKindDeclaredTwiceStopsStartUp() {
        assertThatThrownBy(() -> new DestinationKinds(List.of(new MailboxKind(), new MailboxKind())))
                .hasMessageContaining("FUNCTION_MAILBOX is declared twice");
    }
}
