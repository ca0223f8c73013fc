package dk.postfordeling.routing.table;

/** The routing table cannot be used; the message names the bad entry and what is wrong with it. */
public class InvalidRoutingTableException extends RuntimeException {

    public InvalidRoutingTableException(String message) {
        super(message);
    }
}
