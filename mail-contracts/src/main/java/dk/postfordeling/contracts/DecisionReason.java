package dk.postfordeling.contracts;

/**
 * Why a decision was made.
 *
 * @param code stable machine-readable code, e.g. {@code CONFIDENT}, {@code LOW_CONFIDENCE}, {@code UNKNOWN_WORDS}
 * @param text the reason in plain Danish, for staff and for citizens asking why
 */
public record DecisionReason(String code, String text) {
}
