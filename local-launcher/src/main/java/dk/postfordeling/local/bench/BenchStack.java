package dk.postfordeling.local.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.local.PipelineServices;
import dk.postfordeling.local.ServiceProcess;
import dk.postfordeling.local.StandaloneKafkaAccess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the end-to-end benchmarks run the services on, as local mode does: an embedded PostgreSQL, the
 * function mailboxes (GreenMail SMTP) and a standalone Kafka broker, in a scratch directory; closed in
 * reverse order with every process it was given.
 */
final class BenchStack implements AutoCloseable {

    final Path work;
    final EmbeddedPostgres postgres;
    final GreenMail mailboxes;
    final String kafka;
    private final List<ServiceProcess> processes = new ArrayList<>();

    private BenchStack(Path work, EmbeddedPostgres postgres, GreenMail mailboxes, String kafka) {
        this.work = work;
        this.postgres = postgres;
        this.mailboxes = mailboxes;
        this.kafka = kafka;
    }

    static BenchStack start(String name) throws IOException {
        Path work = Files.createTempDirectory(name);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pgdata")).setPort(Latencies.freePort()).start();
        GreenMail mailboxes = new GreenMail(new ServerSetup[] {new ServerSetup(Latencies.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mailboxes.start();
        int kafkaPort = Latencies.freePort();
        BenchStack stack = new BenchStack(work, postgres, mailboxes, "localhost:" + kafkaPort);
        try {
            stack.add(StandaloneKafkaAccess.start(work.resolve("kafka"), kafkaPort, Latencies.freePort(), work.resolve("logs")));
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** A set of the three services on this stack, with ports of their own; all sets share the blob and model directories. */
    PipelineServices.Wiring wiring(Path root) throws IOException {
        return new PipelineServices.Wiring(root, kafka, "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres",
                "postgres", "127.0.0.1", mailboxes.getSmtp().getPort(), work.resolve("blobs"), work.resolve("models"),
                root.resolve(".cache/djl"), Latencies.freePort(), Latencies.freePort(), Latencies.freePort());
    }

    void add(ServiceProcess process) {
        processes.add(process);
    }

    void addAll(List<ServiceProcess> started) {
        processes.addAll(started);
    }

    /** The broker and every service given to the stack, in start order. */
    List<ServiceProcess> processes() {
        return List.copyOf(processes);
    }

    /**
     * Reads {@code mail.routed.v1} and {@code mail.review-requested.v1} from the beginning, handing each
     * record's topic and key (the mail id) to {@code done}, until {@code listening} is cleared.
     */
    void consumeOutcomes(AtomicBoolean listening, BiConsumer<String, String> done) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MAIL_ROUTED.name(), Topics.MAIL_REVIEW_REQUESTED.name()));
            while (listening.get()) {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> done.accept(r.topic(), r.key()));
            }
        }
    }

    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(processes);
        Collections.reverse(reversed);
        reversed.forEach(p -> p.stop(Duration.ofSeconds(20)));
        mailboxes.stop();
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop: " + e.getMessage());
        }
    }
}
