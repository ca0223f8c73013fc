package dk.postfordeling.routing.outcome;

/** Where a mail ended, as {@code routing_outcome.outcome} holds it. */
public enum OutcomeKind {
    /** Filed in a case or forwarded to a function mailbox. */
    ROUTED,
    /** In a person's hands. */
    REVIEW,
    /** A person closed it without routing (not for this authority, or spam). */
    CLOSED
}
