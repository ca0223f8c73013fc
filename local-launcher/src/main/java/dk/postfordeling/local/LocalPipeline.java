package dk.postfordeling.local;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs the whole pipeline on this machine with no Docker: PostgreSQL (embedded, data kept in
 * {@code .local/pgdata}), a standalone Kafka broker (KRaft, {@code .local/kafka}), an SMTP/IMAP
 * server holding the function mailboxes, the ESDH simulator and the three services. Feeds the
 * sample mails, prints where each ended, and runs until Ctrl-C, which stops everything.
 *
 * <p>Options: {@code --no-samples} skips feeding the samples; {@code --reset} deletes {@code .local} first.
 */
public final class LocalPipeline {

    static final int KAFKA_PORT = 19092;
    static final int KAFKA_CONTROLLER_PORT = 19093;
    static final int POSTGRES_PORT = 54329;
    static final int SMTP_PORT = 3025;
    static final int IMAP_PORT = 3143;
    static final int ESDH_PORT = 8089;
    static final int INTAKE_PORT = 8081;
    static final int CLASSIFIER_PORT = 8082;
    static final int ROUTING_PORT = 8083;

    private final Path root;
    private final Path local;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private GreenMail mail;
    private WireMockServer esdh;
    private Supervisor supervisor;

    private LocalPipeline(Path root) {
        this.root = root;
        this.local = root.resolve(".local");
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        Path root = Path.of(System.getProperty("postfordeling.root", ".")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("samples")) || !Files.isRegularFile(root.resolve("pom.xml"))) {
            System.err.println("Run from the project's root directory (where pom.xml and samples/ are).");
            System.exit(2);
        }
        LocalPipeline pipeline = new LocalPipeline(root);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping everything …");
            pipeline.stop();
            say("stopped; nothing is left running.");
            stopped.countDown();
        }, "local-pipeline-stop"));
        try {
            if (options.contains("--reset")) {
                pipeline.reset();
            }
            pipeline.start();
            if (!options.contains("--no-samples")) {
                pipeline.feedSamples();
            }
            pipeline.printWhereToLook();
        } catch (Exception e) {
            System.err.println("local pipeline failed: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void start() throws Exception {
        Files.createDirectories(local);
        Path logs = local.resolve("logs");
        checkPortsFree();

        say("starting PostgreSQL on port " + POSTGRES_PORT + " (data in .local/pgdata) …");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(local.resolve("pgdata"))
                .setCleanDataDirectory(false)
                .setPort(POSTGRES_PORT)
                .start();
        ensureDatabase("postfordeling");

        say("starting the function mailboxes (SMTP " + SMTP_PORT + ", IMAP " + IMAP_PORT + ") …");
        mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();

        say("starting the ESDH simulator on port " + ESDH_PORT + " …");
        esdh = new WireMockServer(WireMockConfiguration.options().port(ESDH_PORT).bindAddress(PipelineServices.bindAddress())
                .usingFilesUnderDirectory(root.resolve("simulators/esdh").toString()));
        esdh.start();

        say("starting Kafka on port " + KAFKA_PORT + " (data in .local/kafka) …");
        processes.add(StandaloneKafka.start(local.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT, launcherClasspath(), logs));

        say("starting intake, classifier and routing (logs in .local/logs) …");
        PipelineServices.Wiring wiring = new PipelineServices.Wiring(root, "localhost:" + KAFKA_PORT,
                "jdbc:postgresql://localhost:" + POSTGRES_PORT + "/postfordeling", "postgres", "postgres",
                "127.0.0.1", SMTP_PORT, local.resolve("blobs"), local.resolve("models"), root.resolve(".cache/djl"),
                INTAKE_PORT, CLASSIFIER_PORT, ROUTING_PORT);
        processes.addAll(PipelineServices.start(wiring, logs, ServiceLogLine::readable));
        supervisor = new Supervisor(processes, 3, Duration.ofMinutes(10), Duration.ofSeconds(2), LocalPipeline::say).start();
        say("pipeline is up (listening on " + PipelineServices.bindAddress() + ").");
    }

    private void feedSamples() throws Exception {
        SampleFeeder feeder = new SampleFeeder(INTAKE_PORT);
        Map<String, String> fed = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(root.resolve("samples/mails"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                fed.put(file.getFileName().toString(), feeder.upload(file));
            }
        }
        say("fed " + fed.size() + " sample mails; waiting for their outcomes …");
        RoutingsClient routings = new RoutingsClient(ROUTING_PORT);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Map<String, Map<String, Object>> outcomes = new LinkedHashMap<>();
        while (outcomes.size() < fed.size() && Instant.now().isBefore(deadline)) {
            for (Map.Entry<String, String> entry : fed.entrySet()) {
                if (!outcomes.containsKey(entry.getKey())) {
                    Optional<Map<String, Object>> outcome = routings.outcomeOf(entry.getValue());
                    outcome.ifPresent(o -> outcomes.put(entry.getKey(), o));
                }
            }
            ServiceProcess.pause(Duration.ofMillis(500));
        }
        System.out.println();
        System.out.println(String.format("%-32s %-38s %-8s %-16s %-6s %s", "sample", "mail id", "outcome", "label", "conf.", "destination"));
        for (Map.Entry<String, String> entry : fed.entrySet()) {
            Map<String, Object> o = outcomes.get(entry.getKey());
            if (o == null) {
                System.out.println(String.format("%-32s %-38s %s", entry.getKey(), entry.getValue(), "(no outcome yet)"));
            } else {
                System.out.println(String.format("%-32s %-38s %-8s %-16s %-6s %s", entry.getKey(), entry.getValue(),
                        o.get("outcome"), o.get("label"), String.format("%.2f", Math.floor(((Number) o.get("confidence")).doubleValue() * 100) / 100),
                        o.get("destinationAddress") == null ? "review queue" : o.get("destinationAddress")));
            }
        }
        System.out.println();
    }

    private void printWhereToLook() {
        System.out.println("""
                Where to look:
                  review workbench     http://localhost:%d/ — sign in as medarbejder (reviewer), admin or drift (ops);
                                       password "postfordeling" (local mode only)
                  upload a mail        curl -u upload:postfordeling -F file=@samples/mails/bulky-waste-pickup.eml http://localhost:%d/api/v1/mails
                  recent routings      curl -u drift:postfordeling http://localhost:%d/api/v1/routings
                  function mailboxes   IMAP localhost:%d, user = mailbox address (e.g. parkering@kommune.example), any password
                  ESDH simulator       http://localhost:%d/__admin/requests
                  readiness            http://localhost:%d/actuator/health/readiness (intake), :%d (classifier), :%d (routing)
                  PostgreSQL           jdbc:postgresql://localhost:%d/postfordeling (user postgres)
                  Kafka                localhost:%d
                  logs                 .local/logs/*.log
                Press Ctrl-C to stop everything.
                """.formatted(ROUTING_PORT, INTAKE_PORT, ROUTING_PORT, IMAP_PORT, ESDH_PORT, INTAKE_PORT, CLASSIFIER_PORT,
                ROUTING_PORT, POSTGRES_PORT, KAFKA_PORT));
    }

    private void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
        List<ServiceProcess> services = new ArrayList<>(processes);
        java.util.Collections.reverse(services);
        services.forEach(p -> p.stop(Duration.ofSeconds(30)));
        if (esdh != null) {
            esdh.stop();
        }
        if (mail != null) {
            mail.stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    private void reset() throws IOException {
        if (Files.exists(local)) {
            say("deleting .local …");
            try (Stream<Path> paths = Files.walk(local)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private void ensureDatabase(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("create database " + name);
        }
    }

    private static void checkPortsFree() throws IOException {
        int[] ports = {KAFKA_PORT, KAFKA_CONTROLLER_PORT, POSTGRES_PORT, SMTP_PORT, IMAP_PORT, ESDH_PORT, INTAKE_PORT,
                CLASSIFIER_PORT, ROUTING_PORT};
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new IOException("port " + port + " is in use; is the pipeline already running?");
            }
        }
    }

    /**
     * The class path with the Kafka server jars: the launcher jar's {@code lib} folder, or — when the
     * launcher runs from its build output (tests, before packaging) — this JVM's own class path.
     */
    static String launcherClasspath() throws URISyntaxException {
        Path jar = Path.of(LocalPipeline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lib = jar.getParent().resolve("lib");
        if (java.nio.file.Files.isRegularFile(jar) && java.nio.file.Files.isDirectory(lib)) {
            return lib.toAbsolutePath() + "/*";
        }
        return System.getProperty("java.class.path");
    }

    private static void say(String message) {
        System.out.println("postfordeling | " + message);
    }
}
