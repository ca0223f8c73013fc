package dk.postfordeling.contracts;

/**
 * Something extraction could not do.
 *
 * @param code   stable machine-readable code, e.g. {@code ENCRYPTED}, {@code PARSE_FAILED}, {@code TOO_LARGE}
 * @param detail a short explanation for staff, without mail content
 */
public record ExtractionProblem(String code, String detail) {
}
