package dk.postfordeling.routing.table;

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

    private final DestinationKinds kinds;
    private volatile Map<String, Route> routes;

    public RoutingTable(RoutingProperties properties, DestinationKinds kinds) {
        this.kinds = kinds;
        this.routes = validate(properties.destinations());
    }

    /** Replaces the table after validating the new one; a bad entry leaves the current table in place. */
    public void replace(Map<String, RoutingProperties.DestinationProperties> destinations) {
        this.routes = validate(destinations);
    }

    /** The routes of a table, without using it. */
    Map<String, Route> validate(Map<String, RoutingProperties.DestinationProperties> destinations) {
        return validate(destinations, kinds);
    }

    static Map<String, Route> validate(Map<String, RoutingProperties.DestinationProperties> destinations, DestinationKinds kinds) {
        if (destinations == null || destinations.isEmpty()) {
            throw new InvalidRoutingTableException("routing table is empty: configure postfordeling.routing.destinations");
        }
        Map<String, Route> routes = new TreeMap<>();
        destinations.forEach((key, destination) -> routes.put(key, toRoute(key, destination, kinds)));
        return Map.copyOf(routes);
    }

    private static Route toRoute(String key, RoutingProperties.DestinationProperties destination, DestinationKinds kinds) {
        String where = "routing table entry '" + key + "'";
        String supported = kinds.supported() + ", " + REVIEW;
        if (destination == null || destination.type() == null || destination.type().isBlank()) {
            throw new InvalidRoutingTableException(where + " has no type (" + supported + ")");
        }
        Double precision = destination.targetPrecision();
        if (precision != null && !(precision > 0 && precision <= 1)) {
            throw new InvalidRoutingTableException(where + " has target-precision " + precision + ", which is not between 0 and 1");
        }
        if (destination.type().strip().equalsIgnoreCase(REVIEW)) {
            return new Route.ToReview(key);
        }
        DestinationKind kind = kinds.named(destination.type()).orElseThrow(() -> new InvalidRoutingTableException(
                where + " has unsupported type '" + destination.type() + "' (supported: " + supported + ")"));
        return new Route.ToDestination(key, kind.type(), kind.target(where, destination), precision);
    }

    /** The entry type of a label that always goes to a person. */
    private static final String REVIEW = "REVIEW";

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
