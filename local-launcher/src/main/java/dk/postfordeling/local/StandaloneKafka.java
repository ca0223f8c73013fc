package dk.postfordeling.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from
 * the Kafka jars on the launcher's class path: the storage is formatted once with
 * {@code kafka.tools.StorageTool format --standalone}, then {@code kafka.Kafka} serves it. The
 * data directory survives restarts.
 */
final class StandaloneKafka {

    private StandaloneKafka() {
    }

    static ServiceProcess start(Path home, int port, int controllerPort, String classpath, Path logDir) throws IOException {
        return start(home, port, controllerPort, classpath, logDir, List.of(
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"));
    }

    /**
     * The same broker with clients served over TLS only: its key and certificate in {@code keyStore},
     * the certificates it trusts (for its own connections to itself) in {@code trustStore}, both
     * PKCS12 with {@code password}. The controller listener stays on the loopback interface in plain.
     */
    static ServiceProcess startTls(Path home, int port, int controllerPort, String classpath, Path logDir, Path keyStore,
            Path trustStore, String password) throws IOException {
        return start(home, port, controllerPort, classpath, logDir, List.of(
                "listeners=SSL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=SSL://localhost:" + port,
                "inter.broker.listener.name=SSL",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,SSL:SSL",
                "ssl.keystore.type=PKCS12",
                "ssl.keystore.location=" + keyStore.toAbsolutePath(),
                "ssl.keystore.password=" + password,
                "ssl.truststore.type=PKCS12",
                "ssl.truststore.location=" + trustStore.toAbsolutePath(),
                "ssl.truststore.password=" + password));
    }

    private static ServiceProcess start(Path home, int port, int controllerPort, String classpath, Path logDir,
            List<String> listeners) throws IOException {
        Path data = home.resolve("data");
        Files.createDirectories(data);
        Path config = home.resolve("server.properties");
        Files.writeString(config, String.join("\n", concat(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "controller.listener.names=CONTROLLER"), listeners)) + "\n" + String.join("\n",
                "log.dirs=" + data.toAbsolutePath(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "share.coordinator.state.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") );
        Path logback = home.resolve("logback.xml");
        Files.writeString(logback, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        List<String> java = List.of(PipelineServices.javaExecutable(), "-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath,
                "-Dlogback.configurationFile=" + logback.toAbsolutePath());
        if (!Files.exists(data.resolve("meta.properties"))) {
            ServiceProcess format = ServiceProcess.start("kafka-fmt", concat(java, List.of("kafka.tools.StorageTool", "format",
                    "--standalone", "-t", Uuid.randomUuid().toString(), "-c", config.toString())), Map.of(), home,
                    logDir.resolve("kafka-format.log"), null);
            int exit = format.awaitExit(Duration.ofMinutes(1));
            if (exit != 0) {
                throw new IOException("formatting Kafka storage failed (exit " + exit + "):\n" + format.tail());
            }
        }
        ServiceProcess broker = ServiceProcess.start("kafka", concat(java, List.of("kafka.Kafka", config.toString())),
                Map.of(), home, logDir.resolve("kafka.log"), line -> line.contains("ERROR") ? line : null);
        awaitPort(broker, port, Duration.ofMinutes(1));
        return broker;
    }

    private static void awaitPort(ServiceProcess broker, int port, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!broker.isAlive()) {
                throw new IOException("Kafka stopped during start-up:\n" + broker.tail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException notYet) {
                ServiceProcess.pause(Duration.ofMillis(300));
            }
        }
        throw new IOException("Kafka did not listen on port " + port + " within " + timeout + ":\n" + broker.tail());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
