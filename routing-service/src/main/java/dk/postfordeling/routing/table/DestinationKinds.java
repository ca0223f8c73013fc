package dk.postfordeling.routing.table;

import dk.postfordeling.contracts.DestinationType;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every {@link DestinationKind} the service knows, found among its components. */
@Component
public class DestinationKinds {

    private final Map<DestinationType, DestinationKind> kinds = new EnumMap<>(DestinationType.class);

    public DestinationKinds(List<DestinationKind> kinds) {
        for (DestinationKind kind : kinds) {
            DestinationKind earlier = this.kinds.putIfAbsent(kind.type(), kind);
            if (earlier != null) {
                throw new IllegalStateException("destination kind " + kind.type() + " is declared twice: "
                        + earlier.getClass().getName() + " and " + kind.getClass().getName());
            }
        }
    }

    /** The kind a routing table entry names ({@code FUNCTION_MAILBOX}, {@code f2}: case does not matter). */
    public Optional<DestinationKind> named(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        return kinds.values().stream().filter(kind -> kind.type().name().equals(wanted)).findFirst();
    }

    /**
     * Name of the kind's Resilience4j instances; a kind this service does not declare (a newer
     * routing's, read from the wire) gets its own lower-case name.
     */
    public String instanceName(DestinationType type) {
        DestinationKind kind = kinds.get(type);
        return kind != null ? kind.instanceName() : type.name().toLowerCase(Locale.ROOT);
    }

    public Collection<DestinationKind> all() {
        return kinds.values();
    }

    /** The names a routing table entry may use, for messages. */
    String supported() {
        return kinds.keySet().stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
