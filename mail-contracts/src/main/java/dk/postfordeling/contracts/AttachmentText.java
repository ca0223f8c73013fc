package dk.postfordeling.contracts;

/**
 * Text extracted from one attachment.
 *
 * @param name      file name as given by the sender (may be absent)
 * @param mediaType detected media type
 * @param text      extracted text
 */
public record AttachmentText(String name, String mediaType, String text) {
}
