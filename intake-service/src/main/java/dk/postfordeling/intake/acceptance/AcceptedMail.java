package dk.postfordeling.intake.acceptance;

import dk.postfordeling.contracts.MailReceived;

/**
 * A mail whose original is stored and whose arrival is journalled; Kafka will hear of it even if
 * intake stops now.
 *
 * @param received  the arrival as it is (or was) published
 * @param duplicate whether the same original had been accepted before (then nothing new happens)
 */
public record AcceptedMail(MailReceived received, boolean duplicate) {
}
