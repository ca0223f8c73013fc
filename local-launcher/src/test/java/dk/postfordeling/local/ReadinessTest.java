package dk.postfordeling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Readiness means something: routing-service (the real jar) reports ready only while its Kafka
 * broker and its PostgreSQL answer. Both are real servers here that the test stops and starts
 * again on the same port and data: a standalone Kafka broker and an embedded PostgreSQL.
 */
class ReadinessTest {

    private static final Path ROOT = Path.of(System.getProperty("postfordeling.root", "..")).toAbsolutePath().normalize();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void readinessFollowsKafkaAndTheDatabase() throws Exception {
        Path work = ROOT.resolve("local-launcher/target/readiness-" + UUID.randomUUID());
        int kafkaPort = freePort();
        int controllerPort = freePort();
        int dbPort = freePort();
        EmbeddedPostgres.Builder database = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pgdata"))
                .setCleanDataDirectory(false).setPort(dbPort);
        EmbeddedPostgres db = database.start();
        ServiceProcess kafka = StandaloneKafkaAccess.start(work.resolve("kafka"), kafkaPort, controllerPort, work.resolve("logs"));
        PipelineServices.Wiring wiring = new PipelineServices.Wiring(ROOT, "localhost:" + kafkaPort,
                "jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "postgres", "127.0.0.1", freePort(),
                work.resolve("blobs"), work.resolve("models"), work.resolve("djl"), 0, 0, freePort());
        URI readiness = URI.create("http://localhost:" + wiring.routingPort() + "/actuator/health/readiness");
        try (ServiceProcess routing = PipelineServices.startRouting(wiring, work.resolve("logs"), "routing",
                "--spring.kafka.admin.operation-timeout=3s", "--postfordeling.kafka.partitions=1")) {
            assertThat(status(readiness)).isEqualTo(200);

            db.close();
            await().atMost(PATIENCE).until(() -> status(readiness) == 503);
            assertThat(body(readiness)).contains("\"db\"", "DOWN");
            db = database.start();
            await().atMost(PATIENCE).until(() -> status(readiness) == 200);
            kafka.stop(Duration.ofSeconds(20));
            await().atMost(PATIENCE).until(() -> status(readiness) == 503);
            assertThat(body(readiness)).contains("\"kafka\"", "DOWN");
            kafka = StandaloneKafkaAccess.start(work.resolve("kafka"), kafkaPort, controllerPort, work.resolve("logs"));
            await().atMost(PATIENCE).until(() -> status(readiness) == 200);

            assertThat(routing.isAlive()).as("the service itself stayed up throughout").isTrue();
        } finally {
            kafka.close();
            db.close();
        }
    }

    private int status(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The readiness answer with its details, which only OPS sees. */
    private String body(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", PipelineServices.localBasic(PipelineServices.LOCAL_OPS)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
