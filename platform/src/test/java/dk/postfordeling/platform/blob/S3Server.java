package dk.postfordeling.platform.blob;

import java.net.URI;

/** An S3-compatible server a test started, reached as production reaches its store: HTTP, path-style, a key. */
interface S3Server extends AutoCloseable {

    String endpoint();

    String accessKeyId();

    String secretAccessKey();

    /** Settings for a store on {@code bucket}, under the key prefix production uses. */
    default BlobStoreProperties.S3 settings(String bucket) {
        return new BlobStoreProperties.S3(URI.create(endpoint()), "eu-central-1", bucket, true, accessKeyId(), secretAccessKey(),
                "originals/");
    }

    @Override
    void close();
}
