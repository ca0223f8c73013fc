package dk.postfordeling.platform.blob;

import java.io.IOException;
import java.nio.file.Path;

/** The blob store a service is configured with. */
public final class BlobStores {

    private BlobStores() {
    }

    /**
     * @param fileRoot the directory for {@code file} (the service's own setting, shared with the
     *                 other services in local mode)
     */
    public static BlobStore create(BlobStoreProperties properties, Path fileRoot) throws IOException {
        if (properties != null && properties.type() == BlobStoreProperties.Type.S3) {
            return S3BlobStore.connect(properties.s3());
        }
        return new FileSystemBlobStore(fileRoot);
    }
}
