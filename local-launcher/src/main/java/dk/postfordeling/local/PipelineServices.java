package dk.postfordeling.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Starts the three services from their executable jars, wired to the given Kafka, PostgreSQL, SMTP
 * server and directories. The local launcher and the end-to-end test both use this, so the test
 * runs the pipeline exactly as a developer does.
 */
public final class PipelineServices {

    /** Where the services find their surroundings. */
    public record Wiring(
            Path projectRoot,
            String kafkaBootstrap,
            String jdbcUrl,
            String dbUser,
            String dbPassword,
            String smtpHost,
            int smtpPort,
            Path blobDir,
            Path modelDir,
            Path djlCacheDir,
            int intakePort,
            int classifierPort,
            int routingPort,
            String intakeSchema) {

        /** Intake in its usual schema, {@code intake}. */
        public Wiring(Path projectRoot, String kafkaBootstrap, String jdbcUrl, String dbUser, String dbPassword, String smtpHost,
                int smtpPort, Path blobDir, Path modelDir, Path djlCacheDir, int intakePort, int classifierPort, int routingPort) {
            this(projectRoot, kafkaBootstrap, jdbcUrl, dbUser, dbPassword, smtpHost, smtpPort, blobDir, modelDir, djlCacheDir,
                    intakePort, classifierPort, routingPort, "intake");
        }
    }

    private PipelineServices() {
    }

    /** Starts all three and waits until each reports healthy. On failure, stops what was started. */
    public static List<ServiceProcess> start(Wiring wiring, Path logDir, UnaryOperator<String> echo) throws IOException {
        return start(wiring, logDir, echo, Map.of());
    }

    /**
     * As {@link #start(Wiring, Path, UnaryOperator)}, with {@code environment} given to all three, e.g.
     * Spring Boot's {@code SPRING_KAFKA_SECURITY_PROTOCOL} and {@code SPRING_KAFKA_SSL_*} for a TLS broker.
     */
    public static List<ServiceProcess> start(Wiring wiring, Path logDir, UnaryOperator<String> echo, Map<String, String> environment)
            throws IOException {
        Map<String, String> djl = with(environment, Map.of(
                "DJL_OFFLINE", "true",
                "OPT_OUT_TRACKING", "true",
                "DJL_CACHE_DIR", wiring.djlCacheDir().toString(),
                "OMP_THREAD_LIMIT", "1"));
        List<ServiceProcess> started = new ArrayList<>();
        try {
            started.add(service(wiring, "intake", "intake-service", with(environment, Map.of("OMP_THREAD_LIMIT", "1")), logDir, echo,
                    intakeArguments(wiring).toArray(String[]::new)));
            started.add(service(wiring, "classifier", "classifier-service", djl, logDir, echo,
                    classifierArguments(wiring).toArray(String[]::new)));
            started.add(service(wiring, "routing", "routing-service", environment, logDir, echo,
                    routingArguments(wiring).toArray(String[]::new)));
            int[] ports = {wiring.intakePort(), wiring.classifierPort(), wiring.routingPort()};
            List<CompletableFuture<Void>> health = new ArrayList<>();
            for (int i = 0; i < started.size(); i++) {
                ServiceProcess service = started.get(i);
                URI uri = URI.create("http://localhost:" + ports[i] + "/actuator/health/readiness");
                health.add(CompletableFuture.runAsync(() -> service.awaitHealthy(uri, Duration.ofMinutes(3))));
            }
            CompletableFuture.allOf(health.toArray(CompletableFuture[]::new)).join();
            return started;
        } catch (RuntimeException | IOException e) {
            started.forEach(ServiceProcess::close);
            throw e;
        }
    }

    /** Starts intake alone with extra arguments and waits until it is healthy (for tests of intake's own recovery). */
    public static ServiceProcess startIntake(Wiring wiring, Path logDir, String logName, String... extraArguments)
            throws IOException {
        List<String> arguments = new ArrayList<>(intakeArguments(wiring));
        arguments.addAll(List.of(extraArguments));
        ServiceProcess intake = service(wiring, logName, "intake-service", Map.of("OMP_THREAD_LIMIT", "1"), logDir, null,
                arguments.toArray(String[]::new));
        try {
            intake.awaitHealthy(URI.create("http://localhost:" + wiring.intakePort() + "/actuator/health/liveness"), Duration.ofMinutes(2));
            return intake;
        } catch (RuntimeException e) {
            intake.close();
            throw e;
        }
    }

    /** Starts routing alone with extra arguments and waits until it is healthy (for tests of routing's own recovery). */
    public static ServiceProcess startRouting(Wiring wiring, Path logDir, String logName, String... extraArguments)
            throws IOException {
        List<String> arguments = new ArrayList<>(routingArguments(wiring));
        arguments.addAll(List.of(extraArguments));
        ServiceProcess routing = service(wiring, logName, "routing-service", Map.of(), logDir, null, arguments.toArray(String[]::new));
        try {
            routing.awaitHealthy(URI.create("http://localhost:" + wiring.routingPort() + "/actuator/health/readiness"), Duration.ofMinutes(2));
            return routing;
        } catch (RuntimeException e) {
            routing.close();
            throw e;
        }
    }

    private static List<String> routingArguments(Wiring wiring) {
        return List.of("--server.port=" + wiring.routingPort(),
                "--spring.kafka.bootstrap-servers=" + wiring.kafkaBootstrap(),
                "--spring.datasource.url=" + wiring.jdbcUrl(),
                "--spring.datasource.username=" + wiring.dbUser(),
                "--spring.datasource.password=" + wiring.dbPassword(),
                "--spring.mail.host=" + wiring.smtpHost(),
                "--spring.mail.port=" + wiring.smtpPort(),
                // The local mailboxes (GreenMail) speak plain SMTP; a real mail server must offer STARTTLS.
                "--spring.mail.properties.mail.smtp.starttls.enable=false",
                "--spring.mail.properties.mail.smtp.starttls.required=false",
                "--postfordeling.routing.blob-store-dir=" + wiring.blobDir(),
                "--postfordeling.workbench.classifier-uri=http://localhost:" + wiring.classifierPort(),
                "--postfordeling.workbench.classifier-client-id=" + LOCAL_ROUTING_CLIENT,
                "--postfordeling.workbench.classifier-client-secret=" + LOCAL_PASSWORD,
                // Local mode's workbench users (a developer's machine only; production signs in with OIDC
                // or bcrypt-encoded local users).
                "--postfordeling.security.users[0].username=" + LOCAL_REVIEWER,
                "--postfordeling.security.users[0].password={noop}" + LOCAL_PASSWORD,
                "--postfordeling.security.users[0].roles=REVIEWER",
                "--postfordeling.security.users[1].username=admin",
                "--postfordeling.security.users[1].password={noop}" + LOCAL_PASSWORD,
                "--postfordeling.security.users[1].roles=ADMIN",
                "--postfordeling.security.users[2].username=" + LOCAL_OPS,
                "--postfordeling.security.users[2].password={noop}" + LOCAL_PASSWORD,
                "--postfordeling.security.users[2].roles=OPS");
    }

    /** Local mode's workbench users: medarbejder (REVIEWER), admin (ADMIN), drift (OPS), all with this password. */
    public static final String LOCAL_PASSWORD = "postfordeling";
    public static final String LOCAL_REVIEWER = "medarbejder";
    public static final String LOCAL_OPS = "drift";
    /** Local mode's machine client that uploads mail to intake (role UPLOADER), with {@link #LOCAL_PASSWORD}. */
    public static final String LOCAL_UPLOADER = "upload";
    /** Routing's client of the classifier's model API (ADMIN there). */
    static final String LOCAL_ROUTING_CLIENT = "routing";

    /**
     * Where local mode's services listen: this machine only, unless {@code POSTFORDELING_BIND_ADDRESS}
     * says otherwise (e.g. 0.0.0.0 to reach them from another machine on a trusted network).
     */
    public static String bindAddress() {
        String configured = System.getenv("POSTFORDELING_BIND_ADDRESS");
        return configured == null || configured.isBlank() ? "127.0.0.1" : configured;
    }

    private static List<String> intakeArguments(Wiring wiring) {
        return List.of("--server.port=" + wiring.intakePort(),
                "--spring.kafka.bootstrap-servers=" + wiring.kafkaBootstrap(),
                "--postfordeling.intake.blob-store-dir=" + wiring.blobDir(),
                // The journal, de-duplication and retention schedule, in intake's schema of the pipeline's database.
                "--spring.datasource.url=" + wiring.jdbcUrl(),
                "--spring.datasource.username=" + wiring.dbUser(),
                "--spring.datasource.password=" + wiring.dbPassword(),
                "--spring.datasource.hikari.schema=" + wiring.intakeSchema(),
                "--spring.flyway.schemas=" + wiring.intakeSchema(),
                // Local mode's machine clients (a developer's machine only; production uses the identity
                // provider's tokens or bcrypt-encoded secrets).
                "--postfordeling.security.clients[0].id=" + LOCAL_UPLOADER,
                "--postfordeling.security.clients[0].secret={noop}" + LOCAL_PASSWORD,
                "--postfordeling.security.clients[0].roles=UPLOADER",
                "--postfordeling.security.clients[1].id=" + LOCAL_OPS,
                "--postfordeling.security.clients[1].secret={noop}" + LOCAL_PASSWORD,
                "--postfordeling.security.clients[1].roles=OPS");
    }

    private static List<String> classifierArguments(Wiring wiring) {
        return List.of("--server.port=" + wiring.classifierPort(),
                "--spring.kafka.bootstrap-servers=" + wiring.kafkaBootstrap(),
                "--postfordeling.classifier.model-dir=" + wiring.modelDir(),
                "--postfordeling.security.clients[0].id=" + LOCAL_OPS,
                "--postfordeling.security.clients[0].secret={noop}" + LOCAL_PASSWORD,
                "--postfordeling.security.clients[0].roles=OPS",
                "--postfordeling.security.clients[1].id=admin",
                "--postfordeling.security.clients[1].secret={noop}" + LOCAL_PASSWORD,
                "--postfordeling.security.clients[1].roles=ADMIN",
                "--postfordeling.security.clients[2].id=" + LOCAL_ROUTING_CLIENT,
                "--postfordeling.security.clients[2].secret={noop}" + LOCAL_PASSWORD,
                "--postfordeling.security.clients[2].roles=ADMIN");
    }

    /** An HTTP Basic header value for one of local mode's users or clients. */
    public static String localBasic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + LOCAL_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> own) {
        Map<String, String> all = new java.util.HashMap<>(common);
        all.putAll(own);
        return all;
    }

    private static ServiceProcess service(Wiring wiring, String name, String module, Map<String, String> environment,
            Path logDir, UnaryOperator<String> echo, String... arguments) throws IOException {
        Path jar = wiring.projectRoot().resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build first with ./mvnw -DskipTests install");
        }
        // A JVM that runs out of memory exits (and is restarted by the launcher) instead of lingering half-dead.
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx768m", "-XX:+ExitOnOutOfMemoryError",
                "-jar", jar.toString(), "--server.address=" + bindAddress()));
        command.addAll(List.of(arguments));
        return ServiceProcess.start(name, command, environment, wiring.projectRoot(), logDir.resolve(name + ".log"), echo);
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
