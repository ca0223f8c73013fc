package dk.postfordeling.platform.blob;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The blob store contract on S3-compatible object stores, reached as production reaches its store —
 * over HTTP, path-style, with a key: Adobe's S3Mock, run from its jar in a JVM of its own (always),
 * and MinIO in a Testcontainers container, the store docker-compose runs (where a Docker engine
 * answers, as {@code TestPostgres} chooses its server).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("servers")
class S3BlobStoreTest extends BlobStoreContract {

    private static final String BUCKET = "originals";
    private static S3Server server;
    private static S3BlobStore one;
    private static S3BlobStore two;

    static List<String> servers() {
        List<String> servers = new ArrayList<>(List.of("S3Mock"));
        if (MinioServer.dockerAvailable()) {
            servers.add("MinIO");
        }
        return servers;
    }

    S3BlobStoreTest(String serverName) {
    }

    @BeforeParameterizedClassInvocation
    static void startTheObjectStore(String serverName) throws Exception {
        server = serverName.equals("MinIO") ? MinioServer.start(BUCKET) : S3MockServer.start(BUCKET);
        one = S3BlobStore.connect(server.settings(BUCKET));
        two = S3BlobStore.connect(server.settings(BUCKET));
    }

    @AfterParameterizedClassInvocation
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
                .region(Region.EU_CENTRAL_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(server.accessKeyId(), server.secretAccessKey())))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
            return s3.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix("originals/")).contents().stream().count();
        }
    }
}
