package dk.postfordeling.routing.table;

/** Where the routing table sends a label. */
public sealed interface Route permits Route.ToMailbox, Route.ToReview {

    /** The routing table's key for this route. */
    String key();

    /**
     * Forward to a function mailbox (funktionspostkasse) by e-mail.
     *
     * @param key     routing table key
     * @param address the mailbox's e-mail address
     */
    record ToMailbox(String key, String address) implements Route {
    }

    /** Always a person: the label is too sensitive or too broad to route automatically. */
    record ToReview(String key) implements Route {
    }
}
