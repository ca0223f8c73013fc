package dk.postfordeling.contracts;

/** How far text extraction got. Anything but {@link #EXTRACTED} is seen by a person. */
public enum ExtractionStatus {
    /** All text was extracted. */
    EXTRACTED,
    /** Some text was extracted; {@code problems} names what could not be read. */
    PARTIAL,
    /** No usable text; {@code problems} says why. The original is kept. */
    REJECTED
}
