package dk.postfordeling.intake.channel;

import dk.postfordeling.contracts.Channel;
import java.io.IOException;

/**
 * A channel intake fetches mail from (a mailbox, a drop folder), as opposed to one that mail is
 * pushed to over HTTP. Each poll takes what is waiting, hands every item to acceptance, and only
 * then marks it done at the source, so an item is never lost between source and intake.
 */
public interface PolledChannel {

    /** Which channel this is. */
    Channel channel();

    /**
     * Fetches and accepts what is waiting.
     *
     * @return how many items were accepted
     */
    int poll() throws IOException;
}
