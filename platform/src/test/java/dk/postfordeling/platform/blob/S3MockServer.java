package dk.postfordeling.platform.blob;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Adobe's S3Mock, an S3-compatible server, started from its runnable jar (copied to
 * {@code target/s3mock} by the build) in a JVM of its own: its Spring Boot stays off the test's
 * class path, and no Docker is needed. Listens on 127.0.0.1 only.
 */
final class S3MockServer implements S3Server {

    private static final Path JAR = Path.of("target/s3mock/s3mock.jar");

    private final Process process;
    private final int port;
    private final Path root;

    private S3MockServer(Process process, int port, Path root) {
        this.process = process;
        this.port = port;
        this.root = root;
    }

    /** Starts the server with the given buckets and waits until it answers (it takes about ten seconds). */
    static S3MockServer start(String... buckets) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("S3Mock's jar is missing at " + JAR.toAbsolutePath() + "; build with Maven first");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path root = Files.createTempDirectory("s3mock-");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-jar", JAR.toString(),
                "--http.port=" + port, "--server.port=0", "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", buckets),
                "--com.adobe.testing.s3mock.store.root=" + root, "--logging.level.root=WARN"))
                .redirectErrorStream(true)
                .redirectOutput(root.resolveSibling(root.getFileName() + ".log").toFile())
                .start();
        S3MockServer server = new S3MockServer(process, port, root);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!server.answers()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                server.close();
                throw new IllegalStateException("S3Mock did not start; its log: " + root.resolveSibling(root.getFileName() + ".log"));
            }
            Thread.sleep(250);
        }
        return server;
    }

    @Override
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** S3Mock takes any key. */
    @Override
    public String accessKeyId() {
        return "test";
    }

    @Override
    public String secretAccessKey() {
        return "test";
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
