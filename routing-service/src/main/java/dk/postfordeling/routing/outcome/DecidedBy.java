package dk.postfordeling.routing.outcome;

/** Who decided where a mail went; stored with its outcome and published with {@code MailRouted}. */
public enum DecidedBy {
    /** The classifier's prediction, above every bar. */
    MODEL,
    /** A rule of the routing table (the sender's KLE subject key). */
    RULE,
    /** A person in the workbench. */
    REVIEWER
}
