package dk.postfordeling.contracts;

import java.time.Instant;

/**
 * A mail was accepted and its original stored (topic {@code mail.received.v1}).
 * Schema: {@code schemas/v1/mail-received.schema.json}.
 *
 * @param mailId      the mail
 * @param channel     how it arrived
 * @param receivedAt  when intake accepted it
 * @param originalRef reference to the stored original in the blob store ({@code blob:sha256:…})
 * @param mediaType   media type of the original as detected by intake
 * @param sizeBytes   size of the original
 * @param sha256      SHA-256 of the original, lower-case hex
 */
public record MailReceived(
        MailId mailId,
        Channel channel,
        Instant receivedAt,
        String originalRef,
        String mediaType,
        long sizeBytes,
        String sha256) {
}
