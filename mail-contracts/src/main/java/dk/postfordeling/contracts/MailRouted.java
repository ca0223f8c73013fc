package dk.postfordeling.contracts;

import java.time.Instant;

/**
 * A mail was delivered to its destination (topic {@code mail.routed.v1}).
 * Schema: {@code schemas/v1/mail-routed.schema.json}.
 *
 * @param mailId            the mail
 * @param label             the label it was routed under
 * @param destination       where it went
 * @param externalReference the receiving system's reference (ESDH document id, SMTP Message-ID)
 * @param decidedBy         {@code MODEL}, {@code RULE} or {@code REVIEWER}
 * @param routedAt          when delivery was confirmed
 */
public record MailRouted(
        MailId mailId,
        String label,
        Destination destination,
        String externalReference,
        String decidedBy,
        Instant routedAt) {
}
