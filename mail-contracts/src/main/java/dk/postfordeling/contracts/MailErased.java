package dk.postfordeling.contracts;

import java.time.Instant;

/**
 * Routing erased a mail's content — its text, explanation and original — at the end of its
 * retention period or at an administrator's request (topic {@code mail.erased.v1}). Every service
 * that keeps a record of the mail drops it on hearing this. Schema:
 * {@code schemas/v1/mail-erased.schema.json}.
 *
 * @param mailId      the mail
 * @param originalRef the original that was deleted, so a service with a store of its own deletes it too
 * @param reason      {@code RETENTION} or {@code REQUEST}
 * @param erasedAt    when routing erased it
 */
public record MailErased(MailId mailId, String originalRef, String reason, Instant erasedAt) {
}
