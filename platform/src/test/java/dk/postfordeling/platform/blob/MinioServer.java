package dk.postfordeling.platform.blob;

import java.net.URI;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * MinIO, the object store docker-compose runs (the same image), in a Testcontainers container;
 * only where a Docker engine answers.
 */
final class MinioServer implements S3Server {

    /** The image docker-compose.yml uses. */
    static final String IMAGE = "minio/minio:RELEASE.2025-04-22T22-12-26Z";
    private static final String USER = "postfordeling";
    private static final String PASSWORD = "postfordeling-test-secret";

    private final GenericContainer<?> container;

    private MinioServer(GenericContainer<?> container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Starts MinIO and creates the buckets (MinIO, unlike S3Mock, starts with none). */
    static MinioServer start(String... buckets) {
        GenericContainer<?> container = new GenericContainer<>(IMAGE)
                .withCommand("server", "/data")
                .withEnv("MINIO_ROOT_USER", USER)
                .withEnv("MINIO_ROOT_PASSWORD", PASSWORD)
                .withExposedPorts(9000)
                .waitingFor(Wait.forHttp("/minio/health/ready").forPort(9000).withStartupTimeout(Duration.ofMinutes(2)));
        container.start();
        MinioServer server = new MinioServer(container);
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(server.endpoint())).forcePathStyle(true)
                .region(Region.EU_CENTRAL_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(USER, PASSWORD)))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            for (String bucket : buckets) {
                s3.createBucket(request -> request.bucket(bucket));
            }
        }
        return server;
    }

    @Override
    public String endpoint() {
        return "http://" + container.getHost() + ":" + container.getMappedPort(9000);
    }

    @Override
    public String accessKeyId() {
        return USER;
    }

    @Override
    public String secretAccessKey() {
        return PASSWORD;
    }

    @Override
    public void close() {
        container.stop();
    }
}
