package dk.postfordeling.routing.table;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import dk.postfordeling.contracts.DestinationType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The routing table: which destination each label (function mailbox key or KLE topic) goes to.
 * Validated when the service starts; a bad entry stops start-up with a message naming it.
 */
@Component
public class RoutingTable {

    private volatile Map<String, Route> routes;

    public RoutingTable(RoutingProperties properties) {
        this.routes = validate(properties.destinations());
    }

    /** Replaces the table after validating the new one; a bad entry leaves the current table in place. */
    public void replace(Map<String, RoutingProperties.DestinationProperties> destinations) {
        this.routes = validate(destinations);
    }

    static Map<String, Route> validate(Map<String, RoutingProperties.DestinationProperties> destinations) {
        if (destinations == null || destinations.isEmpty()) {
            throw new InvalidRoutingTableException("routing table is empty: configure postfordeling.routing.destinations");
        }
        Map<String, Route> routes = new TreeMap<>();
        destinations.forEach((key, destination) -> routes.put(key, toRoute(key, destination)));
        return Map.copyOf(routes);
    }

    private static Route toRoute(String key, RoutingProperties.DestinationProperties destination) {
        String where = "routing table entry '" + key + "'";
        if (destination == null || destination.type() == null || destination.type().isBlank()) {
            throw new InvalidRoutingTableException(where + " has no type (" + SUPPORTED + ")");
        }
        Double precision = destination.targetPrecision();
        if (precision != null && !(precision > 0 && precision <= 1)) {
            throw new InvalidRoutingTableException(where + " has target-precision " + precision + ", which is not between 0 and 1");
        }
        return switch (destination.type().strip().toUpperCase(Locale.ROOT)) {
            case "FUNCTION_MAILBOX" -> new Route.ToDestination(key, DestinationType.FUNCTION_MAILBOX,
                    mailboxAddress(where, destination.address()), precision);
            case "F2" -> new Route.ToDestination(key, DestinationType.F2, caseReference(where, destination.caseId(), ANY_CASE,
                    "an F2 case id"), precision);
            case "SBSYS" -> new Route.ToDestination(key, DestinationType.SBSYS, caseReference(where, destination.caseId(),
                    SBSYS_CASE, "an SBSYS case number such as 27.00.00-G01-1-24"), precision);
            case "GET_ORGANIZED" -> new Route.ToDestination(key, DestinationType.GET_ORGANIZED, caseReference(where,
                    destination.caseId(), GET_ORGANIZED_CASE, "a GetOrganized case id such as BOR-2022-000046"), precision);
            case "REVIEW" -> new Route.ToReview(key);
            default -> throw new InvalidRoutingTableException(where + " has unsupported type '" + destination.type()
                    + "' (supported: " + SUPPORTED + ")");
        };
    }

    private static final String SUPPORTED = "FUNCTION_MAILBOX, F2, SBSYS, GET_ORGANIZED, REVIEW";
    private static final java.util.regex.Pattern ANY_CASE = java.util.regex.Pattern.compile("[\\w.:/-]+");
    private static final java.util.regex.Pattern SBSYS_CASE = java.util.regex.Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}-[A-Z]\\d{2}-\\d+-\\d{2}");
    private static final java.util.regex.Pattern GET_ORGANIZED_CASE = java.util.regex.Pattern.compile("[A-ZÆØÅ]+-\\d{4}-\\d{6}");

    private static String caseReference(String where, String caseId, java.util.regex.Pattern shape, String expected) {
        if (caseId == null || caseId.isBlank()) {
            throw new InvalidRoutingTableException(where + " needs case-id: " + expected);
        }
        if (!shape.matcher(caseId.strip()).matches()) {
            throw new InvalidRoutingTableException(where + " has case-id '" + caseId + "', which is not " + expected);
        }
        return caseId.strip();
    }

    private static String mailboxAddress(String where, String address) {
        if (address == null || address.isBlank()) {
            throw new InvalidRoutingTableException(where + " needs an address for its function mailbox");
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            return parsed.getAddress();
        } catch (AddressException e) {
            throw new InvalidRoutingTableException(where + " has address '" + address + "', which is not an e-mail address");
        }
    }

    /** The route of a label, if the table has one. */
    public Optional<Route> routeFor(String label) {
        return Optional.ofNullable(routes.get(label));
    }

    /** The label's destination, if the table files it somewhere (not for a label that always goes to review). */
    public Optional<Route.ToDestination> destinationFor(String label) {
        return routeFor(label).filter(Route.ToDestination.class::isInstance).map(Route.ToDestination.class::cast);
    }

    public Map<String, Route> routes() {
        return routes;
    }
}
