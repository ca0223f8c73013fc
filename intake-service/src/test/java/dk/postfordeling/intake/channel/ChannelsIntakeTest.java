package dk.postfordeling.intake.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.RoutingHints;
import dk.postfordeling.contracts.TextExtracted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.intake.Documents;
import dk.postfordeling.intake.Samples;
import dk.postfordeling.testing.KafkaTestConsumer;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** The channels other than upload: IMAP inbox, scanner drop folder, Digital Post endpoint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "postfordeling.intake.blob-store-dir=${java.io.tmpdir}/postfordeling-intake-test/${random.uuid}",
        "postfordeling.kafka.partitions=1",
        "postfordeling.intake.imap.enabled=true",
        "postfordeling.intake.imap.ssl=false",
        "postfordeling.intake.imap.host=127.0.0.1",
        "postfordeling.intake.imap.username=kommune@kommune.example",
        "postfordeling.intake.imap.password=hemmelig",
        "postfordeling.intake.imap.poll-interval=300ms",
        "postfordeling.intake.scanner.enabled=true",
        "postfordeling.intake.scanner.min-age=0s",
        "postfordeling.intake.scanner.poll-interval=300ms",
        "postfordeling.intake.graph.enabled=true",
        "postfordeling.intake.graph.client-id=postfordeling-app",
        "postfordeling.intake.graph.client-secret=hemmelig",
        "postfordeling.intake.graph.mailbox=postkasse@kommune.example",
        "postfordeling.intake.graph.poll-interval=300ms"})
@EmbeddedKafka(partitions = 1)
@org.springframework.test.annotation.DirtiesContext // closed while its embedded broker still runs, not at JVM exit
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelsIntakeTest {

    static final GreenMail MAIL = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
    static final Path DROP;
    static final WireMockServer GRAPH = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        GRAPH.start();
        stubGraph();
        MAIL.start();
        MAIL.setUser("kommune@kommune.example", "kommune@kommune.example", "hemmelig");
        try {
            DROP = Files.createTempDirectory("scanner-drop");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        dk.postfordeling.intake.IntakeTestDatabase.register(registry);
        registry.add("postfordeling.intake.imap.port", () -> MAIL.getImap().getPort());
        registry.add("postfordeling.intake.scanner.dir", DROP::toString);
        registry.add("postfordeling.intake.graph.token-url", () -> GRAPH.baseUrl() + "/tenant-1/oauth2/v2.0/token");
        registry.add("postfordeling.intake.graph.graph-url", () -> GRAPH.baseUrl() + "/v1.0");
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    KafkaTestConsumer<TextExtracted> extracted;

    @BeforeAll
    void watch() {
        extracted = new KafkaTestConsumer<>(brokers, Topics.MAIL_EXTRACTED);
    }

    @AfterAll
    void stop() {
        extracted.close();
        MAIL.stop();
        GRAPH.stop();
    }

    @Test
    void takesMailFromASharedMailboxThroughMicrosoftGraphAndMovesItToTheArchive() {
        TextExtracted text = await().atMost(Duration.ofSeconds(30)).until(
                () -> extracted.records().stream().map(r -> r.value()).filter(t -> t.channel() == Channel.EMAIL_GRAPH).toList(),
                list -> !list.isEmpty()).get(0);

        assertThat(text.subject()).isEqualTo("Byggetilladelse til carport");
        GRAPH.verify(1, postRequestedFor(urlEqualTo("/v1.0/users/postkasse@kommune.example/messages/AAMkADgraph1/move"))
                .withHeader("Authorization", equalTo("Bearer graph-token"))
                .withRequestBody(equalToJson("{\"destinationId\": \"archive\"}")));
        GRAPH.verify(postRequestedFor(urlEqualTo("/tenant-1/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=client_credentials")));
    }

    /** Graph's documented shapes: token, message list, raw MIME ($value), move; the list is empty once moved. */
    private static void stubGraph() {
        GRAPH.stubFor(post(urlEqualTo("/tenant-1/oauth2/v2.0/token"))
                .withRequestBody(containing("client_id=postfordeling-app"))
                .willReturn(okJson("{\"token_type\": \"Bearer\", \"expires_in\": 3599, \"access_token\": \"graph-token\"}")));
        String messages = "/v1.0/users/postkasse@kommune.example/mailFolders/inbox/messages";
        GRAPH.stubFor(get(urlPathEqualTo(messages)).inScenario("mailbox").whenScenarioStateIs(Scenario.STARTED)
                .withHeader("Authorization", equalTo("Bearer graph-token"))
                .willReturn(okJson("{\"value\": [{\"id\": \"AAMkADgraph1\"}]}")));
        GRAPH.stubFor(get(urlPathEqualTo(messages)).inScenario("mailbox").whenScenarioStateIs("moved")
                .willReturn(okJson("{\"value\": []}")));
        GRAPH.stubFor(get(urlEqualTo("/v1.0/users/postkasse@kommune.example/messages/AAMkADgraph1/$value"))
                .withHeader("Authorization", equalTo("Bearer graph-token"))
                .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(Samples.mail("building-permit-question.eml"))));
        GRAPH.stubFor(post(urlEqualTo("/v1.0/users/postkasse@kommune.example/messages/AAMkADgraph1/move"))
                .inScenario("mailbox").willSetStateTo("moved")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"AAMkADgraph1-moved\"}")));
    }

    @Test
    void takesMailFromTheGeneralInboxAndMovesItToProcessed() throws Exception {
        MimeMessage mail = new MimeMessage(com.icegreen.greenmail.util.GreenMailUtil.getSession(MAIL.getSmtp().getServerSetup()),
                new ByteArrayInputStream(Samples.parkingComplaintWithPdf()));
        jakarta.mail.Transport.send(mail, new jakarta.mail.Address[] {
                new jakarta.mail.internet.InternetAddress("kommune@kommune.example")});

        TextExtracted text = await().atMost(Duration.ofSeconds(30)).until(
                () -> extracted.records().stream().map(r -> r.value()).filter(t -> t.channel() == Channel.EMAIL_IMAP).toList(),
                list -> !list.isEmpty()).get(0);
        assertThat(text.subject()).isEqualTo("Klage over parkeringsafgift på Vesterbrogade");
        assertThat(text.attachments()).singleElement().satisfies(a -> assertThat(a.text()).contains("Kontrolafgift"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(messagesIn("INBOX")).isZero();
            assertThat(messagesIn("Behandlet")).isEqualTo(1);
        });
    }

    @Test
    void takesAScannedLetterWithItsSidecarFromTheDropFolder() throws Exception {
        Files.write(DROP.resolve("scan-0001.json"), "{\"kleNumber\": \"27.24.00\", \"caseId\": \"S-2026-77\"}".getBytes());
        Files.write(DROP.resolve("scan-0001.pdf"), Documents.document("scanned-letter.pdf"));

        TextExtracted text = await().atMost(Duration.ofSeconds(60)).until(
                () -> extracted.records().stream().map(r -> r.value()).filter(t -> t.channel() == Channel.SCANNER).toList(),
                list -> !list.isEmpty()).get(0);
        assertThat(text.status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(text.bodyText()).contains("hjemmehjælp");
        assertThat(text.hints()).isEqualTo(new RoutingHints("27.24.00", "S-2026-77", null, null));
        try (var left = Files.list(DROP)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
        try (var processed = Files.list(DROP.resolve("processed"))) {
            assertThat(processed.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith("scan-0001.pdf")).anyMatch(n -> n.endsWith("scan-0001.json"));
        }
    }

    @Test
    void receivesDigitalPostAndCarriesTheHeaderHints() {
        var response = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", dk.postfordeling.testing.TestClients.uploader()).build().post().uri("/api/v1/digital-post/messages")
                .contentType(MediaType.APPLICATION_XML).body(Documents.memo("memo-1.1-with-contentdata.xml"))
                .retrieve().toEntity(Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(response.getBody()).containsEntry("messageUuid", "3f0c2a9e-5b1d-4e7a-9c3b-8d2f1e0a6b57")
                .containsEntry("status", "RECEIVED");
        String mailId = (String) response.getBody().get("mailId");
        TextExtracted text = await().atMost(Duration.ofSeconds(30)).until(() -> extracted.valuesFor(mailId),
                list -> !list.isEmpty()).get(0);
        assertThat(text.channel()).isEqualTo(Channel.DIGITAL_POST);
        assertThat(text.subject()).isEqualTo("Klage over kontrolafgift");
        assertThat(text.hints().kleNumber()).isEqualTo("05.13.04");
        assertThat(text.hints().caseId()).isEqualTo("05.13.04-G01-112-26");
    }

    private int messagesIn(String folder) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", MAIL.getImap().getPort(), "kommune@kommune.example", "hemmelig");
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return 0;
            }
            f.open(Folder.READ_ONLY);
            try {
                return f.getMessageCount();
            } finally {
                f.close(false);
            }
        }
    }

}
