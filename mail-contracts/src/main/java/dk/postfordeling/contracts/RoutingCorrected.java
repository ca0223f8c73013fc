package dk.postfordeling.contracts;

import java.time.Instant;

/**
 * A person decided the label of a mail (topic {@code mail.feedback.v1}): a correction when
 * {@code fromLabel} differs from {@code toLabel}, a confirmation when equal. The classifier learns
 * from these.
 *
 * @param mailId      the mail
 * @param fromLabel   the model's label, or {@code null} if it had none
 * @param toLabel     the label the person chose
 * @param reviewerId  pseudonymous id of the person (keyed hash, never a name or e-mail address)
 * @param correctedAt when
 */
public record RoutingCorrected(
        MailId mailId,
        String fromLabel,
        String toLabel,
        String reviewerId,
        Instant correctedAt) {
}
