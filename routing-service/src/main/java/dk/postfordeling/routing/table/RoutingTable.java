package dk.postfordeling.routing.table;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
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

    private final Map<String, Route> routes;

    public RoutingTable(RoutingProperties properties) {
        this.routes = validate(properties.destinations());
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
            throw new InvalidRoutingTableException(where + " has no type (FUNCTION_MAILBOX or REVIEW)");
        }
        return switch (destination.type().strip().toUpperCase(Locale.ROOT)) {
            case "FUNCTION_MAILBOX" -> new Route.ToMailbox(key, mailboxAddress(where, destination.address()));
            case "REVIEW" -> new Route.ToReview(key);
            default -> throw new InvalidRoutingTableException(where + " has unsupported type '" + destination.type()
                    + "' (supported: FUNCTION_MAILBOX, REVIEW)");
        };
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

    public Map<String, Route> routes() {
        return routes;
    }
}
