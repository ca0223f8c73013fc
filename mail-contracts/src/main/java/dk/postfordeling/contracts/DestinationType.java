package dk.postfordeling.contracts;

/** Kinds of place a mail can be delivered to. */
public enum DestinationType {
    /** A funktionspostkasse: a shared mailbox of a team or function, reached by e-mail. */
    FUNCTION_MAILBOX,
    /** A case in cBrain F2. */
    F2,
    /** A case in SBSYS. */
    SBSYS,
    /** A case in Netcompany GetOrganized. */
    GET_ORGANIZED
}
