package dk.postfordeling.intake.acceptance;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.RoutingHints;
import java.io.InputStream;

/**
 * One item as a channel hands it to intake: the raw original, how it came, the name the sender gave
 * it (only a hint for format detection) and any routing hints the channel knows. Every channel —
 * upload, Digital Post, IMAP, scanner folder — speaks to intake through this one shape.
 *
 * @param content  the original bytes, unchanged
 * @param channel  how it arrived
 * @param fileName the sender's file name, or {@code null}
 * @param hints    routing hints, or {@code null}
 */
public record InboundMail(InputStream content, Channel channel, String fileName, RoutingHints hints) {
}
