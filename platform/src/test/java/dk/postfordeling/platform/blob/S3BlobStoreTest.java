package dk.postfordeling.platform.blob;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The blob store contract on an S3-compatible object store: Adobe's S3Mock, run from its jar in a
 * JVM of its own, as the production store would be reached — over HTTP, path-style, with a key.
 */
class S3BlobStoreTest extends BlobStoreContract {

    private static S3MockServer server;
    private static S3BlobStore one;
    private static S3BlobStore two;

    @BeforeAll
    static void startTheObjectStore() throws Exception {
        server = S3MockServer.start("originals");
        one = S3BlobStore.connect(server.settings("originals"));
        two = S3BlobStore.connect(server.settings("originals"));
    }

    @AfterAll
    static void stopTheObjectStore() {
        if (one != null) {
            one.close();
            two.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    BlobStore store() {
        return one;
    }

    @Override
    BlobStore otherInstance() {
        return two;
    }

    @Override
    long storedCount() {
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(server.endpoint())).forcePathStyle(true)
                .region(Region.EU_CENTRAL_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
            return s3.listObjectsV2Paginator(request -> request.bucket("originals").prefix("originals/")).contents().stream().count();
        }
    }
}
