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
 * @param fileName    the name the sender gave the file, CPR numbers masked, or {@code null} (since 1.1)
 * @param hints       routing hints the channel supplied (e.g. a scanner sidecar), or {@code null} (since 1.1)
 */
public record MailReceived(
        MailId mailId,
        Channel channel,
        Instant receivedAt,
        String originalRef,
        String mediaType,
        long sizeBytes,
        String sha256,
        String fileName,
        RoutingHints hints) {

    /** A 1.0-shaped message: no file name, no hints. */
    public MailReceived(MailId mailId, Channel channel, Instant receivedAt, String originalRef, String mediaType,
            long sizeBytes, String sha256) {
        this(mailId, channel, receivedAt, originalRef, mediaType, sizeBytes, sha256, null, null);
    }
}
