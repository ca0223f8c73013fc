package dk.postfordeling.contracts;

/** What the classifier recommends. */
public enum Decision {
    /** Confident enough to route without a person. */
    ROUTE,
    /** A person must decide. */
    REVIEW
}
