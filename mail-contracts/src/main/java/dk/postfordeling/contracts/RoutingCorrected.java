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
 * @param text        since 1.1, optional: the mail's text as the classifier read it, so the classifier
 *                    can learn from the decision (personal data: never logged; the classifier keeps
 *                    it only in its training set)
 */
public record RoutingCorrected(
        MailId mailId,
        String fromLabel,
        String toLabel,
        String reviewerId,
        Instant correctedAt,
        String text) {

    /** A decision without the text (schema 1.0). */
    public RoutingCorrected(MailId mailId, String fromLabel, String toLabel, String reviewerId, Instant correctedAt) {
        this(mailId, fromLabel, toLabel, reviewerId, correctedAt, null);
    }
}
