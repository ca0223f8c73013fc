package dk.postfordeling.platform.blob;

import java.io.IOException;
import java.io.InputStream;

/**
 * Store for the originals of inbound mail (claim check). Content-addressed: the same bytes are
 * stored once and always get the same reference, so storing is idempotent.
 *
 * <p>Services pass the {@link StoredBlob#uri() reference} in their messages, never the bytes.
 * Only intake writes; other services read by reference and retention deletes.
 */
public interface BlobStore {

    /** Stores the content durably and returns its reference. Returns once the bytes are on disk. */
    StoredBlob put(InputStream content) throws IOException;

    /** Opens stored content for reading. */
    InputStream open(String uri) throws IOException;

    /** Whether content with this reference is stored. */
    boolean exists(String uri);

    /** Deletes stored content; returns whether anything was deleted. */
    boolean delete(String uri) throws IOException;
}
