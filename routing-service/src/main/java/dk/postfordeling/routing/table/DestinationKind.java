package dk.postfordeling.routing.table;

import dk.postfordeling.contracts.DestinationType;

/**
 * One kind of destination as the routing table knows it: its name in the table, how an entry's
 * target is checked, and the name of its resilience settings. Each kind is declared in its
 * adapter's package (a Spring component there), so adding a kind touches that package, its
 * configuration and the wire vocabulary ({@link DestinationType}) — no switch elsewhere. A kind
 * is known whether or not its system is configured: an entry for an unconfigured system is valid
 * and its mail goes to a person.
 */
public interface DestinationKind {

    /** The kind on the wire; its name is also the entry's {@code type} in the routing table. */
    DestinationType type();

    /** Name of its Resilience4j instances ({@code resilience4j.*.instances.<name>}) and health detail. */
    String instanceName();

    /**
     * Checks an entry of this kind and returns its target (mailbox address or case reference).
     *
     * @param where the entry, for the message ({@code routing table entry 'byggeri'})
     * @throws InvalidRoutingTableException naming the entry and what it lacks
     */
    String target(String where, RoutingProperties.DestinationProperties entry);
}
