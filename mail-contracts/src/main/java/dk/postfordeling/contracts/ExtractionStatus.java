package dk.postfordeling.contracts;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How far text extraction got. Anything but {@link #EXTRACTED} is seen by a person. */
public enum ExtractionStatus {
    /** All text was extracted. */
    EXTRACTED,
    /**
     * Some text was extracted; {@code problems} names what could not be read. Also how a reader takes
     * a status it does not know: a person sees the mail.
     */
    @JsonEnumDefaultValue
    PARTIAL,
    /** No usable text; {@code problems} says why. The original is kept. */
    REJECTED
}
