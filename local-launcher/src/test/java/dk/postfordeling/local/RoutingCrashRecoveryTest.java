package dk.postfordeling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.Explanation;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.testing.F2Simulator;
import dk.postfordeling.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * routing-service is killed (SIGKILL) in the middle of filing a batch in F2 and started again: every
 * mail ends filed exactly once — counted on the matters the F2 simulator really created — and none
 * is lost. What carries the work across the crash: the task table, and the one-time F2 URLs saved
 * before they were used (a replay answers 303 instead of creating a second matter).
 */
class RoutingCrashRecoveryTest {

    private static final Path ROOT = Path.of(System.getProperty("postfordeling.root", "..")).toAbsolutePath().normalize();
    private static final int MAILS = 100;
    private static final Pattern MAIL_ID = Pattern.compile("Mail-id: ([0-9a-f-]{36})");

    @Test
    void routingKilledMidBatchFilesEveryMailExactlyOnceAfterRestart() throws Exception {
        Path work = ROOT.resolve("local-launcher/target/routing-crash-" + UUID.randomUUID());
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        TestPostgres.Server db = TestPostgres.get();
        try (F2Simulator f2 = new F2Simulator()) {
            f2.install("t1");
            f2.server().setGlobalFixedDelay(15); // F2 takes its time, so the kill lands mid-batch
            PipelineServices.Wiring wiring = new PipelineServices.Wiring(ROOT, kafka.getBrokersAsString(), db.jdbcUrl(), db.username(),
                    db.password(), "127.0.0.1", freePort(), work.resolve("blobs"), work.resolve("models"), work.resolve("djl"),
                    0, 0, freePort());
            String[] settings = {"--postfordeling.kafka.partitions=1", "--postfordeling.routing.poll-interval=50ms",
                    "--postfordeling.routing.destinations.byggeri.type=F2",
                    "--postfordeling.routing.destinations.byggeri.case-id=" + F2Simulator.CASE_ID,
                    "--postfordeling.routing.f2.base-uri=" + f2.baseUrl(),
                    "--postfordeling.routing.f2.client-id=postfordeling", "--postfordeling.routing.f2.client-secret=hemmelig",
                    "--postfordeling.routing.f2.username=postfordeling",
                    "--management.health.mail.enabled=false"}; // no function mailbox in this test

            List<MailClassified> mails = new ArrayList<>();
            for (int i = 0; i < MAILS; i++) {
                mails.add(classified(store(work.resolve("blobs"), "Subject: Tilbygning " + i + "\r\n\r\nCarport " + UUID.randomUUID() + "\r\n")));
            }
            ServiceProcess first = PipelineServices.startRouting(wiring, work.resolve("logs"), "routing-before-crash", settings);
            try {
                publish(kafka.getBrokersAsString(), mails);
                await().atMost(Duration.ofSeconds(60)).until(() -> f2.createdMatters().size() >= MAILS / 4);
            } finally {
                first.kill();
            }
            int filedBeforeCrash = f2.createdMatters().size();
            assertThat(filedBeforeCrash).as("the crash came mid-batch").isLessThan(MAILS);

            try (ServiceProcess second = PipelineServices.startRouting(wiring, work.resolve("logs"), "routing-after-restart", settings)) {
                await().atMost(Duration.ofSeconds(120)).until(() -> routed(db, mails) == MAILS);
            }

            List<String> matters = f2.createdMatters();
            Set<String> filed = matters.stream().map(RoutingCrashRecoveryTest::mailId).collect(Collectors.toSet());
            assertThat(matters).as("matters F2 created").hasSize(MAILS);
            assertThat(filed).containsExactlyInAnyOrderElementsOf(mails.stream().map(m -> m.mailId().toString()).toList());
            assertThat(f2.createdDocuments()).as("documents F2 created").isEqualTo(MAILS);
        } finally {
            kafka.destroy();
        }
    }

    private static void publish(String brokers, List<MailClassified> mails) {
        try (KafkaProducer<String, MailClassified> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), Topics.MAIL_CLASSIFIED.serde())) {
            for (MailClassified mail : mails) {
                producer.send(new ProducerRecord<>(Topics.MAIL_CLASSIFIED.name(), mail.mailId().toString(), mail));
            }
            producer.flush();
        }
    }

    private static long routed(TestPostgres.Server db, List<MailClassified> mails) throws Exception {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from routing_outcome where outcome = 'ROUTED' and mail_id = any(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", mails.stream().map(m -> m.mailId().value()).toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Stores an original the way intake's content-addressed blob store does. */
    private static String store(Path blobs, String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path path = blobs.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        Files.createDirectories(path.getParent());
        Files.write(path, bytes);
        return sha;
    }

    private static MailClassified classified(String sha) {
        return new MailClassified(MailId.forContent(sha), Channel.UPLOAD, "blob:sha256:" + sha,
                List.of(new LabelScore("byggeri", 0.97)), Decision.ROUTE, List.of(new DecisionReason("CONFIDENT", "Sikker.")),
                new Explanation("byggeri", List.of(), "Test."), null, "test-model-1", Instant.now());
    }

    private static String mailId(String matterXml) {
        Matcher matcher = MAIL_ID.matcher(matterXml);
        return matcher.find() ? matcher.group(1) : "none";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
