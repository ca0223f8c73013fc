package dk.postfordeling.intake.acceptance;

import dk.postfordeling.contracts.MailReceived;

/** A mail whose original is stored and whose arrival is recorded on Kafka. */
public record AcceptedMail(MailReceived received) {
}
