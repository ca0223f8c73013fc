package dk.postfordeling.routing.destination.mailbox;

/** The stored original of a mail is not in the blob store; delivering it can never succeed. */
public class OriginalMissingException extends RuntimeException {

    public OriginalMissingException(String originalRef) {
        super("stored original not found: " + originalRef);
    }
}
