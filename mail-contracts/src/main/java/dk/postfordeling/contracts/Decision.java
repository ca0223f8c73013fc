package dk.postfordeling.contracts;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What the classifier recommends. */
public enum Decision {
    /** Confident enough to route without a person. */
    ROUTE,
    /** A person must decide; also how a reader takes a decision it does not know. */
    @JsonEnumDefaultValue
    REVIEW
}
