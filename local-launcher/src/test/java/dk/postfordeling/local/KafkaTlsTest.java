package dk.postfordeling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.postfordeling.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Production connections: the three services (real jars) against a Kafka broker that serves clients
 * over TLS only, configured with nothing but Spring Boot's Kafka properties. Every client reaches it —
 * producers and listeners, routing's dead-letter reader, the readiness checks, and retraining's reader
 * of the feedback topic. Keys and certificates are made for the test with the JDK's keytool.
 */
class KafkaTlsTest {

    private static final Path ROOT = Path.of(System.getProperty("postfordeling.root", "..")).toAbsolutePath().normalize();
    private static final String PASSWORD = "postfordeling-tls";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void mailFlowsReadinessIsUpAndRetrainingReadsFeedbackOverTls() throws Exception {
        Path work = ROOT.resolve("local-launcher/target/kafka-tls-" + UUID.randomUUID());
        Path keys = Files.createDirectories(work.resolve("keys"));
        Path keyStore = keys.resolve("broker.p12");
        Path trustStore = keys.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", keys.resolve("broker.pem").toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", keys.resolve("broker.pem").toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        int kafkaPort = freePort();
        GreenMail mailServer = new GreenMail(new ServerSetup[] {new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mailServer.start();
        ServiceProcess kafka = StandaloneKafkaAccess.startTls(work.resolve("kafka"), kafkaPort, freePort(), work.resolve("logs"),
                keyStore, trustStore, PASSWORD);
        List<ServiceProcess> services = new ArrayList<>();
        try {
            TestPostgres.Server database = TestPostgres.get();
            PipelineServices.Wiring wiring = new PipelineServices.Wiring(ROOT, "localhost:" + kafkaPort, database.jdbcUrl(),
                    database.username(), database.password(), "127.0.0.1", mailServer.getSmtp().getPort(), work.resolve("blobs"),
                    work.resolve("models"), Path.of(System.getProperty("djl.cache.dir", ROOT.resolve(".cache/djl").toString())),
                    freePort(), freePort(), freePort(), "intake_tls_" + UUID.randomUUID().toString().substring(0, 8));
            // What an operator sets for a TLS broker: Spring Boot's own Kafka properties, nothing of the product's.
            services.addAll(PipelineServices.start(wiring, work.resolve("logs"), null, Map.of(
                    "SPRING_KAFKA_SECURITY_PROTOCOL", "SSL",
                    "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", trustStore.toUri().toString(),
                    "SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", PASSWORD,
                    "SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PKCS12",
                    // The sample model drops the English encoder's second stage anyway; training without it is quicker.
                    "POSTFORDELING_CLASSIFIER_ENCODER", "none")));
            for (int port : new int[] {wiring.intakePort(), wiring.classifierPort(), wiring.routingPort()}) {
                assertThat(status(URI.create("http://localhost:" + port + "/actuator/health/readiness"))).isEqualTo(200);
            }

            // A mail of its own (the database is shared with other tests, and mail ids come from content).
            byte[] mail = ("X-Test-Id: " + UUID.randomUUID() + "\r\n" + Files.readString(ROOT.resolve("samples/mails/bulky-waste-pickup.eml"),
                    StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
            String mailId = new SampleFeeder(wiring.intakePort()).upload(mail, "storskrald.eml");
            RoutingsClient routings = new RoutingsClient(wiring.routingPort());
            Map<String, Object> outcome = await().atMost(PATIENCE).until(() -> routings.outcomeOf(mailId),
                    java.util.Optional::isPresent).orElseThrow();
            assertThat(outcome).containsEntry("outcome", "ROUTED").containsEntry("label", "affald");

            URI models = URI.create("http://localhost:" + wiring.classifierPort() + "/api/v1/models");
            HttpResponse<String> started = http.send(admin(HttpRequest.newBuilder(URI.create(models + "/retraining")))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).isEqualTo(202);
            String overview = await().atMost(PATIENCE).until(() -> http.send(admin(HttpRequest.newBuilder(models)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body(), body -> !body.contains("\"retrainingState\":\"RUNNING\""));
            // No decisions yet: the feedback topic was read to its end and held too few to learn from.
            assertThat(overview).contains("\"retrainingState\":\"IDLE\"", "For få afgørelser fra medarbejdere at lære af (0");
        } finally {
            services.forEach(ServiceProcess::close);
            kafka.close();
            mailServer.stop();
        }
    }

    private static HttpRequest.Builder admin(HttpRequest.Builder request) {
        return request.timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + PipelineServices.LOCAL_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private int status(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("keytool %s: %s", arguments[0], output).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
