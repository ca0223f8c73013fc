package dk.postfordeling.routing.table;

import dk.postfordeling.contracts.DestinationType;

/** Where the routing table sends a label. */
public sealed interface Route permits Route.ToDestination, Route.ToReview {

    /** The routing table's key for this route. */
    String key();

    /**
     * File the mail in a case of an ESDH system, or forward it to a function mailbox.
     *
     * @param key             routing table key
     * @param type            the kind of destination
     * @param target          the mailbox's e-mail address, or the case in the ESDH system (F2 case id,
     *                        SBSYS case number such as {@code 27.00.00-G01-1-24}, GetOrganized case id
     *                        such as {@code BOR-2022-000046})
     * @param targetPrecision stricter bar than the model's own for this destination: the mail is only
     *                        routed when its calibrated confidence is at least this; {@code null}: none
     */
    record ToDestination(String key, DestinationType type, String target, Double targetPrecision) implements Route {
    }

    /** Always a person: the label is too sensitive or too broad to route automatically. */
    record ToReview(String key) implements Route {
    }
}
