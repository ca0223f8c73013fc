package dk.postfordeling.contracts;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The way a mail reached the municipality. */
public enum Channel {
    /** Uploaded over HTTP, e.g. by a case worker or a self-service form. */
    UPLOAD,
    /** E-mail fetched from a general inbox over IMAP. */
    EMAIL_IMAP,
    /** E-mail fetched from a shared mailbox through Microsoft Graph. */
    EMAIL_GRAPH,
    /** Digital Post (MeMo message received through SF1606 "Modtag post"). */
    DIGITAL_POST,
    /** Paper mail scanned by a vendor and dropped as PDF. */
    SCANNER,
    /**
     * A channel this reader does not know yet (a newer producer's), or none known (a dead letter that
     * could not be read). Producers never write it; readers take any unknown value as it.
     */
    @JsonEnumDefaultValue
    UNKNOWN
}
