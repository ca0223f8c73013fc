package dk.postfordeling.routing.review;

/** A review item's state, as {@code review_item.status} holds it. */
public enum ReviewStatus {
    /** Waiting for a person. */
    OPEN,
    /** A person holds it (until they decide, release it, or the claim times out). */
    CLAIMED,
    /** A person decided. */
    DONE
}
