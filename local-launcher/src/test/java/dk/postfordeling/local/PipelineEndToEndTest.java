package dk.postfordeling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.contracts.MailRouted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.testing.KafkaTestConsumer;
import dk.postfordeling.testing.TestPostgres;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline, end to end, on real parts: a standalone Kafka broker (KRaft) that serves
 * clients over TLS only, PostgreSQL, a GreenMail SMTP/IMAP server, and the three services running
 * from their executable jars as the local launcher runs them. The services reach the broker with
 * nothing but Spring Boot's Kafka properties (keys made for the test with keytool): every client —
 * producers, listeners, dead-letter reader, readiness checks, retraining's feedback reader — uses them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndTest {

    private static final Path ROOT = Path.of(System.getProperty("postfordeling.root", "..")).toAbsolutePath().normalize();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    ServiceProcess kafka;
    Map<String, Object> kafkaClient;
    GreenMail mailServer;
    TestPostgres.Server database;
    List<ServiceProcess> services = List.of();
    Path work;
    Path logs;
    SampleFeeder intake;
    int intakePort;
    int classifierPort;
    int routingPort;
    RoutingsClient routings;
    KafkaTestConsumer<MailRouted> routed;

    @BeforeAll
    void startThePipeline() throws Exception {
        work = ROOT.resolve("local-launcher/target/e2e-" + UUID.randomUUID());
        logs = work.resolve("logs");
        TlsKeys keys = TlsKeys.make(work.resolve("keys"), "postfordeling-tls");
        int kafkaPort = freePort();
        kafka = StandaloneKafkaAccess.startTls(work.resolve("kafka"), kafkaPort, freePort(), logs, keys.keyStore(), keys.trustStore(),
                keys.password());
        kafkaClient = Map.of("bootstrap.servers", "localhost:" + kafkaPort, "security.protocol", "SSL",
                "ssl.truststore.location", keys.trustStore().toString(), "ssl.truststore.password", keys.password(),
                "ssl.truststore.type", "PKCS12");
        database = TestPostgres.get();
        mailServer = new GreenMail(new ServerSetup[] {
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mailServer.start();

        intakePort = freePort();
        classifierPort = freePort();
        routingPort = freePort();
        services = PipelineServices.start(new PipelineServices.Wiring(ROOT, "localhost:" + kafkaPort,
                database.jdbcUrl(), database.username(), database.password(),
                "127.0.0.1", mailServer.getSmtp().getPort(), work.resolve("blobs"), work.resolve("models"),
                Path.of(System.getProperty("djl.cache.dir", ROOT.resolve(".cache/djl").toString())),
                intakePort, classifierPort, routingPort, "intake_e2e_" + UUID.randomUUID().toString().substring(0, 8)), logs, null,
                // What an operator sets for a TLS broker: Spring Boot's own Kafka properties, nothing of the product's.
                Map.of("SPRING_KAFKA_SECURITY_PROTOCOL", "SSL",
                        "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", keys.trustStore().toUri().toString(),
                        "SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", keys.password(),
                        "SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PKCS12"));
        intake = new SampleFeeder(intakePort);
        routings = new RoutingsClient(routingPort);
        routed = new KafkaTestConsumer<>(kafkaClient, Topics.MAIL_ROUTED);
    }

    @AfterAll
    void stopThePipeline() {
        services.forEach(ServiceProcess::close);
        if (routed != null) {
            routed.close();
        }
        if (mailServer != null) {
            mailServer.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void emailWithPdfAttachmentArrivesInItsFunctionMailboxAndIsAnnounced() throws Exception {
        KafkaTestConsumer<dk.postfordeling.contracts.MailReceived> received = new KafkaTestConsumer<>(kafkaClient, Topics.MAIL_RECEIVED);
        String mailId = intake.upload(sample("parking-complaint-with-pdf.eml"), "klage.eml");

        MimeMessage delivered = await().atMost(PATIENCE).until(() -> inboxMessage("parkering@kommune.example", mailId),
                Optional::isPresent).orElseThrow();
        assertThat(delivered.getSubject()).isEqualTo("Fordelt: Klage over parkeringsafgift på Vesterbrogade");
        Multipart parts = (Multipart) delivered.getContent();
        try (InputStream original = parts.getBodyPart(1).getInputStream()) {
            assertThat(new String(original.readAllBytes(), StandardCharsets.US_ASCII))
                    .contains("filename=\"kontrolafgift.pdf\"");
        }

        MailRouted event = await().atMost(PATIENCE).until(() -> routed.valuesFor(mailId), list -> !list.isEmpty()).get(0);
        assertThat(event.label()).isEqualTo("parkering");
        assertThat(event.destination().type()).isEqualTo(DestinationType.FUNCTION_MAILBOX);
        assertThat(event.destination().address()).isEqualTo("parkering@kommune.example");
        assertThat(event.externalReference()).isEqualTo(delivered.getMessageID());
        // Intake's acceptance time reached routing through extraction and classification: the efficiency report counts from it.
        java.time.Instant accepted = await().atMost(PATIENCE).until(() -> received.valuesFor(mailId), list -> !list.isEmpty()).get(0).receivedAt();
        received.close();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement query = connection.prepareStatement("select received_at from routing_task where mail_id = ?")) {
            query.setObject(1, UUID.fromString(mailId));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                // PostgreSQL keeps microseconds, rounded.
                assertThat(row.getTimestamp(1).toInstant()).isCloseTo(accepted,
                        org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MICROS));
            }
        }
    }

    @Test
    void overTlsEveryServiceIsReadyAndRetrainingReadsTheFeedbackTopic() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int port : new int[] {intakePort, classifierPort, routingPort}) {
            assertThat(http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).as("readiness of :%d", port).isEqualTo(200);
        }
        URI models = URI.create("http://localhost:" + classifierPort + "/api/v1/models");
        String admin = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + PipelineServices.LOCAL_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(URI.create(models + "/retraining")).header("Authorization", admin)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(202);

        String overview = await().atMost(PATIENCE).until(() -> http.send(java.net.http.HttpRequest.newBuilder(models)
                .header("Authorization", admin).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body(),
                body -> !body.contains("\"retrainingState\":\"RUNNING\""));
        // No staff decisions yet: the feedback topic was read to its end and held too few to learn from.
        assertThat(overview).contains("\"retrainingState\":\"IDLE\"", "For få afgørelser fra medarbejdere at lære af (0");
    }

    /**
     * The model card of the model in use, written by routing's workbench from the real classifier's
     * provenance: Danish, with the figures the classifier reports for that version.
     */
    @Test
    void theModelCardOfTheModelInUseRendersInDanishWithItsFigures() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String admin = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + PipelineServices.LOCAL_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        tools.jackson.databind.JsonNode models = dk.postfordeling.contracts.MailJson.mapper().readTree(http.send(
                java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + classifierPort + "/api/v1/models"))
                        .header("Authorization", admin).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        String current = models.get("current").asString();
        tools.jackson.databind.JsonNode version = models.get("versions").get(0);
        assertThat(version.get("version").asString()).isEqualTo(current);

        String workbench = "http://localhost:" + routingPort;
        String login = http.send(java.net.http.HttpRequest.newBuilder(URI.create(workbench + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        http.send(java.net.http.HttpRequest.newBuilder(URI.create(workbench + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=admin&password=" + PipelineServices.LOCAL_PASSWORD
                        + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        java.net.http.HttpResponse<String> card = http.send(java.net.http.HttpRequest.newBuilder(
                URI.create(workbench + "/admin/models/" + current + "/card")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).contains("Modelkort: " + current, "Tilsigtet brug og begrænsninger", "Persondata i træningen",
                "Eksempler</th><td>" + version.get("rows").asInt() + "</td>",
                "medfølgende eksempeldata", "length=under-200", "Der er ingen tidligere version.");
    }

    @Test
    void anAmbiguousMailEndsInTheReviewTable() throws Exception {
        String mailId = intake.upload(sample("ambiguous-question.eml"), "spoergsmaal.eml");

        String status = await().atMost(PATIENCE).until(() -> reviewStatus(mailId), Optional::isPresent).orElseThrow();
        assertThat(status).isEqualTo("OPEN");
        Map<String, Object> outcome = routings.outcomeOf(mailId).orElseThrow();
        assertThat(outcome.get("outcome")).isEqualTo("REVIEW");
        assertThat(routed.valuesFor(mailId)).isEmpty();
    }

    /** A 5 MB text attachment is more than one Kafka record holds: the mail still ends with a person, its text cut and marked. */
    @Test
    void aMailWithAFiveMegabyteTextAttachmentEndsInTheReviewTable() throws Exception {
        StringBuilder minutes = new StringBuilder();
        for (int line = 0; minutes.length() < 5_000_000; line++) {
            minutes.append("Punkt ").append(line).append(": vejbelysningen på Åboulevarden er slukket.\n");
        }
        String boundary = "grense" + System.nanoTime();
        String eml = "From: borger@example.dk\r\nSubject: Referat\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\""
                + boundary + "\"\r\n\r\n--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nReferatet er vedlagt.\r\n--"
                + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Disposition: attachment; filename=\"referat.txt\"\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + minutes + "\r\n--" + boundary + "--\r\n";

        String mailId = intake.upload(eml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "referat.eml");

        String status = await().atMost(PATIENCE).until(() -> reviewStatus(mailId), Optional::isPresent).orElseThrow();
        assertThat(status).isEqualTo("OPEN");
        assertThat(reviewReasons(mailId)).contains("PARTIAL_EXTRACTION");
        assertThat(routings.outcomeOf(mailId).orElseThrow().get("outcome")).isEqualTo("REVIEW");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} as {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "encrypted.pdf, afgift.pdf, EXTRACTION_FAILED",
            "bilag.zip, bilag.zip, EXTRACTION_FAILED",
            "malformed-mime.eml, ansoegning.eml, PARTIAL_EXTRACTION",
            "byggesag.docx, byggesag.pdf, PARTIAL_EXTRACTION"})
    void badInputIsKeptAndReachesAPerson(String document, String sentAs, String reason) throws Exception {
        byte[] original = Files.readAllBytes(ROOT.resolve("intake-service/src/test/resources/documents").resolve(document));

        String mailId = intake.upload(original, sentAs);

        String status = await().atMost(PATIENCE).until(() -> reviewStatus(mailId), Optional::isPresent).orElseThrow();
        assertThat(status).isEqualTo("OPEN");
        assertThat(reviewReasons(mailId)).contains(reason);
        assertThat(routings.outcomeOf(mailId).orElseThrow().get("outcome")).isEqualTo("REVIEW");
        // The original is kept, byte for byte.
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(original));
        assertThat(Files.readAllBytes(work.resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha)))
                .isEqualTo(original);
    }

    @Test
    void digitalPostArrivesThroughTheModtagPostEndpointAndIsRouted() throws Exception {
        byte[] memo = Files.readAllBytes(ROOT.resolve("intake-service/src/test/resources/memo/memo-1.1-with-contentdata.xml"));
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + intakePort + "/api/v1/digital-post/messages"))
                        .header("Content-Type", "application/xml")
                        .header("Authorization", PipelineServices.localBasic(PipelineServices.LOCAL_UPLOADER))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(memo)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        String mailId = (String) dk.postfordeling.contracts.MailJson.mapper().readValue(response.body(), Map.class).get("mailId");

        Map<String, Object> outcome = await().atMost(PATIENCE).until(() -> routings.outcomeOf(mailId), Optional::isPresent).orElseThrow();
        assertThat(outcome.get("label")).isEqualTo("parkering");
    }

    @Test
    void everyServiceLogsJsonLinesCorrelatedByMailIdWithoutContentOrCprNumbers() throws Exception {
        String mailId = intake.upload(sample("passport-with-cpr.eml"), "pas.eml");
        await().atMost(PATIENCE).until(() -> routings.outcomeOf(mailId).isPresent());

        JsonMapper json = JsonMapper.builder().build();
        Map<String, List<String>> aboutTheMail = new TreeMap<>();
        for (String service : List.of("intake", "classifier", "routing")) {
            List<String> lines = Files.readAllLines(logs.resolve(service + ".log"), StandardCharsets.UTF_8);
            assertThat(lines).as(service + " logged something").isNotEmpty();
            for (String line : lines) {
                // Every line is one JSON object: a log platform reads it without parsing rules.
                JsonNode event = json.readTree(line);
                assertThat(event.isObject()).as(line).isTrue();
                assertThat(event.get("service.name").asString()).isEqualTo(service + "-service");
                assertThat(event.has("@timestamp") && event.has("log.level") && event.has("message")).as(line).isTrue();
                if (event.has("mail.id") && event.get("mail.id").asString().equals(mailId)) {
                    aboutTheMail.computeIfAbsent(service, s -> new ArrayList<>()).add(event.get("message").asString());
                }
            }
        }
        // The mail's journey can be followed through all three services by its id …
        assertThat(aboutTheMail.get("intake")).anyMatch(m -> m.startsWith("mail received"))
                .anyMatch(m -> m.startsWith("mail extracted") && m.contains("cprNumbers=2"));
        assertThat(aboutTheMail.get("classifier")).anyMatch(m -> m.startsWith("mail classified"));
        assertThat(aboutTheMail.get("routing")).anyMatch(m -> m.startsWith("mail queued for routing"))
                .anyMatch(m -> m.startsWith("mail sent to review") || m.startsWith("mail filed"));
        // … and no log says anything the mail said.
        assertThat(readLogs()).doesNotContain("070809-1234", "0708091234", "070809", "1203751122", "120375")
                .doesNotContain("Fornyelse af pas", "datters pas", "udløber i næste måned", "Ole Petersen", "ole.p@example.org");
    }

    @Test
    void eachServiceExposesItsMetricsWithoutPersonalData() throws Exception {
        String cprMail = intake.upload(sample("passport-with-cpr.eml"), "pas.eml");
        String routedMail = intake.upload(sample("bulky-waste-pickup.eml"), "storskrald.eml");
        await().atMost(PATIENCE).until(() -> routings.outcomeOf(cprMail).isPresent() && routings.outcomeOf(routedMail).isPresent());

        // Gauges read the database every 5 s and Kafka's client metrics are sampled: wait for values, not for time.
        await().atMost(PATIENCE).until(() -> value(scrape(routingPort), "postfordeling_routing_outcomes_total") >= 2
                && value(scrape(routingPort), "postfordeling_routing_auto_routed_week{mailbox=\"affald\"") >= 1);
        String intakeMetrics = scrape(intakePort);
        String classifierMetrics = scrape(classifierPort);
        String routingMetrics = scrape(routingPort);

        assertThat(value(intakeMetrics, "postfordeling_intake_mails_total{channel=\"UPLOAD\",result=\"accepted\"")).isGreaterThanOrEqualTo(2);
        assertThat(value(intakeMetrics, "postfordeling_intake_extractions_total{reason=\"none\",status=\"EXTRACTED\"")).isGreaterThanOrEqualTo(2);
        assertThat(value(classifierMetrics, "postfordeling_classifier_decisions_total{decision=\"ROUTE\",label=\"affald\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(classifierMetrics, "postfordeling_classifier_prediction_seconds_count")).isGreaterThanOrEqualTo(2);
        assertThat(value(classifierMetrics, "postfordeling_classifier_confidence_count")).isGreaterThanOrEqualTo(2);
        assertThat(value(routingMetrics, "postfordeling_routing_outcomes_total{decided_by=\"MODEL\",mailbox=\"affald\",outcome=\"ROUTED\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(routingMetrics, "postfordeling_routing_filing_seconds_count{result=\"filed\",type=\"FUNCTION_MAILBOX\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(routingMetrics, "postfordeling_routing_review_backlog")).isGreaterThanOrEqualTo(0);
        assertThat(value(routingMetrics, "postfordeling_routing_review_oldest_age_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(value(routingMetrics, "postfordeling_routing_dead_letters")).isZero();
        assertThat(value(routingMetrics, "postfordeling_routing_observed_accuracy{mailbox=\"affald\"")).isEqualTo(1.0);
        assertThat(routingMetrics).contains("resilience4j_circuitbreaker_state{name=\"mailbox\",state=\"closed\"");
        for (String metrics : List.of(intakeMetrics, classifierMetrics, routingMetrics)) {
            assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max");
            // No personal data anywhere: not the mail's CPR numbers, nor anything it said; no tag holds
            // something shaped like a CPR number or an e-mail address.
            // Names and tags only: a sample's value (0.9070809…) may hold any digits.
            String namesAndTags = metrics.lines().map(line -> line.startsWith("#") ? line : line.replaceFirst(" \\S+$", ""))
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertThat(namesAndTags).doesNotContain("070809", "0708091234", "1203751122", "Ole Petersen", "ole.p@example.org",
                    "pas.eml", "storskrald.eml", "Fornyelse", "sofa");
            // Kafka's client metrics name the group coordinator "node-2147483647" (Integer.MAX_VALUE minus
            // the broker id): ten digits that are a broker's number, not a person's.
            String tags = java.util.regex.Pattern.compile("\\{[^}]*\\}").matcher(metrics).results()
                    .map(java.util.regex.MatchResult::group).map(tag -> tag.replaceAll("node_id=\"node-\\d+\"", "node_id=\"node-N\""))
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertThat(tags).isNotEmpty().doesNotContainPattern("\\d{6}-?\\d{4}").doesNotContain("@");
        }
    }

    private String scrape(int port) throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
                        .header("Authorization", PipelineServices.localBasic(PipelineServices.LOCAL_OPS)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** The sum of the samples whose line starts with {@code prefix} (a name, optionally with its first tags), or -1 if none. */
    private static double value(String metrics, String prefix) {
        double sum = 0;
        boolean found = false;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(prefix + " ") || line.startsWith(prefix + "{") || line.startsWith(prefix + ",")
                    || (prefix.contains("{") && line.startsWith(prefix))) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? sum : -1;
    }

    private Optional<MimeMessage> inboxMessage(String mailbox, String mailId) throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", mailServer.getImap().getPort(), mailbox, "any");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                for (Message message : inbox.getMessages()) {
                    String[] id = message.getHeader("X-Postfordeling-Mail-Id");
                    if (id != null && id[0].equals(mailId)) {
                        return Optional.of(new MimeMessage((MimeMessage) message));
                    }
                }
                return Optional.empty();
            } finally {
                inbox.close(false);
            }
        }
    }

    private Optional<String> reviewStatus(String mailId) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement query = connection.prepareStatement("select status from review_item where mail_id = ?")) {
            query.setObject(1, UUID.fromString(mailId));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (java.sql.SQLException tableNotYetCreated) {
            return Optional.empty();
        }
    }

    private String reviewReasons(String mailId) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement query = connection.prepareStatement("select reasons::text from review_item where mail_id = ?")) {
            query.setObject(1, UUID.fromString(mailId));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : "";
            }
        }
    }

    private String readLogs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    private static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(ROOT.resolve("samples/mails").resolve(name));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
