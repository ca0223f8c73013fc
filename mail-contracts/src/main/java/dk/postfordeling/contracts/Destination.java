package dk.postfordeling.contracts;

/**
 * Where a mail was delivered.
 *
 * @param type    kind of destination
 * @param key     the routing table's name for the destination, e.g. {@code parkering}
 * @param address mailbox address or case reference
 */
public record Destination(DestinationType type, String key, String address) {
}
