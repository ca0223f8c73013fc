package dk.postfordeling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.postfordeling.contracts.MailReceived;
import dk.postfordeling.contracts.TextExtracted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.testing.KafkaTestConsumer;
import dk.postfordeling.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Intake accepts a mail, is killed before it could publish it, and publishes it exactly once after
 * a restart. Kafka is unreachable while the mail is accepted, so the first intake cannot have
 * published it; the journal, in PostgreSQL, is all that carries it across the crash.
 */
class IntakeCrashRecoveryTest {

    private static final Path ROOT = Path.of(System.getProperty("postfordeling.root", "..")).toAbsolutePath().normalize();

    @Test
    void aMailAcceptedBeforeACrashIsPublishedExactlyOnceAfterRestart() throws Exception {
        Path work = ROOT.resolve("local-launcher/target/crash-" + UUID.randomUUID());
        String schema = "intake_crash_" + UUID.randomUUID().toString().substring(0, 8);
        PipelineServices.Wiring wiring = wiring(work, "localhost:" + freePort(), schema);
        String[] settings = {"--postfordeling.kafka.partitions=1", "--spring.kafka.admin.operation-timeout=3s"};

        // Given intake running while Kafka is unreachable, a mail is accepted (journalled) but cannot be published.
        String mailId;
        ServiceProcess first = PipelineServices.startIntake(wiring, work.resolve("logs"), "intake-before-crash", settings);
        try {
            mailId = new SampleFeeder(wiring.intakePort()).upload(Files.readAllBytes(ROOT.resolve("samples/mails/parking-complaint-with-pdf.eml")), "klage.eml");
        } finally {
            // When intake is killed outright.
            first.kill();
        }
        assertThat(state(schema, mailId)).as("journalled in the database before the answer").isEqualTo("PENDING");

        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        PipelineServices.Wiring restarted = wiring(work, kafka.getBrokersAsString(), schema);
        try (KafkaTestConsumer<MailReceived> received = new KafkaTestConsumer<>(kafka.getBrokersAsString(), Topics.MAIL_RECEIVED);
                KafkaTestConsumer<TextExtracted> extracted = new KafkaTestConsumer<>(kafka.getBrokersAsString(), Topics.MAIL_EXTRACTED);
                ServiceProcess second = PipelineServices.startIntake(restarted, work.resolve("logs"), "intake-after-restart", settings)) {
            // Then after a restart with Kafka back, the mail is published and processed …
            await().atMost(Duration.ofSeconds(90)).until(() -> !extracted.valuesFor(mailId).isEmpty());
            // … and a mail accepted afterwards, on the same single partition, shows nothing else is coming.
            String later = new SampleFeeder(restarted.intakePort()).upload(
                    Files.readAllBytes(ROOT.resolve("samples/mails/bulky-waste-pickup.eml")), "storskrald.eml");
            await().atMost(Duration.ofSeconds(30)).until(() -> !received.valuesFor(later).isEmpty());
            assertThat(received.valuesFor(mailId)).hasSize(1);
            assertThat(state(schema, mailId)).isEqualTo("PUBLISHED");
        } finally {
            kafka.destroy();
        }
    }

    private static PipelineServices.Wiring wiring(Path work, String kafka, String schema) throws IOException {
        TestPostgres.Server db = TestPostgres.get();
        return new PipelineServices.Wiring(ROOT, kafka, db.jdbcUrl(), db.username(), db.password(), "", 0, work.resolve("blobs"),
                work.resolve("models"), work.resolve("djl"), freePort(), 0, 0, schema);
    }

    /** The arrival's state in intake's journal (its schema in the tests' PostgreSQL). */
    private static String state(String schema, String mailId) throws Exception {
        TestPostgres.Server db = TestPostgres.get();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                java.sql.PreparedStatement query = connection.prepareStatement("select state from " + schema + ".arrival where mail_id = ?")) {
            query.setObject(1, UUID.fromString(mailId));
            try (java.sql.ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : "none";
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
