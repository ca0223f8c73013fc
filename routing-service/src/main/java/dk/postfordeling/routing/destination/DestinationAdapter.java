package dk.postfordeling.routing.destination;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.routing.table.Route;

/**
 * Files a mail in one kind of destination. Implementations must be safe to call again for the same
 * mail after any failure or crash: they use their {@link Checkpoints} (and the destination's own
 * means, such as F2's Post-Once-Exactly) so that a repeated call never files the mail twice.
 */
public interface DestinationAdapter {

    DestinationType type();

    /**
     * @param original the stored original, exactly as received
     * @return the destination's reference to what was filed (a URL, document id or Message-ID)
     * @throws FilingException.Rejected    the destination refused the mail; do not retry
     * @throws FilingException.Unavailable the destination failed or was unreachable; retry later
     */
    String file(MailClassified mail, Route.ToDestination route, byte[] original, Checkpoints checkpoints);
}
