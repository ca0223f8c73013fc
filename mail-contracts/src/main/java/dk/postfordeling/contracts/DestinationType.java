package dk.postfordeling.contracts;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Kinds of place a mail can be delivered to. */
public enum DestinationType {
    /** A funktionspostkasse: a shared mailbox of a team or function, reached by e-mail. */
    FUNCTION_MAILBOX,
    /** A case in cBrain F2. */
    F2,
    /** A case in SBSYS. */
    SBSYS,
    /** A case in Netcompany GetOrganized. */
    GET_ORGANIZED,
    /**
     * A kind of destination this reader does not know yet (a newer routing's). Producers never write
     * it; readers take any unknown value as it, so a rolling upgrade does not stop their work.
     */
    @JsonEnumDefaultValue
    UNKNOWN
}
