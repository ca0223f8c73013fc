package dk.postfordeling.routing.policy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where automatic routing is paused at this moment: everywhere, or for single destinations.
 *
 * @param everything   the pause of all automatic routing, if one is in force
 * @param destinations pauses of single destinations, by the routing table's key
 */
public record Pauses(Optional<Pause> everything, Map<String, Pause> destinations) {

    /** Scope of a pause of everything. */
    public static final String EVERYTHING = "*";
    public static final Pauses NONE = new Pauses(Optional.empty(), Map.of());

    public Pauses {
        destinations = Map.copyOf(destinations);
    }

    /**
     * One pause, as an administrator set it.
     *
     * @param scope  {@link #EVERYTHING} or a destination's key
     * @param reason the administrator's words, shown with every mail it sends to a person
     */
    public record Pause(String scope, String reason, String pausedBy, Instant pausedAt) {
    }

    /** The pause that stops automatic routing to {@code destinationKey}, if any (a pause of everything first). */
    public Optional<Pause> covering(String destinationKey) {
        return everything.isPresent() ? everything : Optional.ofNullable(destinations.get(destinationKey));
    }

    /** The paused destinations' keys, sorted. */
    public java.util.List<String> destinationKeys() {
        return destinations.keySet().stream().sorted().toList();
    }

    public boolean any() {
        return everything.isPresent() || !destinations.isEmpty();
    }
}
