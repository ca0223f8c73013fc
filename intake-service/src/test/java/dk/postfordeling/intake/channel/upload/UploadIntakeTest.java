package dk.postfordeling.intake.channel.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.Destination;
import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.contracts.MailErased;
import dk.postfordeling.contracts.MailReceived;
import dk.postfordeling.contracts.MailRouted;
import java.time.Instant;
import dk.postfordeling.contracts.TextExtracted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.testing.KafkaTestConsumer;
import dk.postfordeling.intake.Samples;
import dk.postfordeling.platform.blob.BlobStore;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "postfordeling.intake.blob-store-dir=${java.io.tmpdir}/postfordeling-intake-test/${random.uuid}",
        "postfordeling.kafka.partitions=1",
        "postfordeling.intake.retention.after-routing=0s",
        "postfordeling.intake.retention.check-interval=200ms"})
@EmbeddedKafka(partitions = 1)
@org.springframework.test.annotation.DirtiesContext // closed while its embedded broker still runs, not at JVM exit
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadIntakeTest {

    @org.springframework.test.context.DynamicPropertySource
    static void database(org.springframework.test.context.DynamicPropertyRegistry registry) {
        dk.postfordeling.intake.IntakeTestDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    BlobStore blobStore;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Autowired
    dk.postfordeling.intake.acceptance.IntakeJournal journal;

    @Autowired
    org.springframework.kafka.core.KafkaTemplate<String, Object> kafka;

    KafkaTestConsumer<MailReceived> received;
    KafkaTestConsumer<TextExtracted> extracted;

    @BeforeAll
    void watchTopics() {
        received = new KafkaTestConsumer<>(brokers, Topics.MAIL_RECEIVED);
        extracted = new KafkaTestConsumer<>(brokers, Topics.MAIL_EXTRACTED);
    }

    @AfterAll
    void stopWatching() {
        received.close();
        extracted.close();
    }

    @Test
    void uploadedEmailWithPdfIsStoredAnnouncedAndExtracted() throws Exception {
        byte[] eml = Samples.parkingComplaintWithPdf();

        Map<?, ?> answer = upload(eml, "klage.eml");

        String mailId = (String) answer.get("mailId");
        assertThat(answer.get("status")).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(extracted.valuesFor(mailId)).isNotEmpty());
        MailReceived announced = received.valuesFor(mailId).get(0);
        assertThat(announced.channel()).isEqualTo(Channel.UPLOAD);
        assertThat(announced.mediaType()).isEqualTo("message/rfc822");
        assertThat(announced.sizeBytes()).isEqualTo(eml.length);
        try (InputStream stored = blobStore.open(announced.originalRef())) {
            assertThat(stored.readAllBytes()).isEqualTo(eml);
        }
        TextExtracted text = extracted.valuesFor(mailId).get(0);
        assertThat(text.status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(text.subject()).isEqualTo("Klage over parkeringsafgift på Vesterbrogade");
        assertThat(text.attachments()).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("Kontrolafgift nr. 2026-118734"));
        assertThat(text.originalRef()).isEqualTo(announced.originalRef());
    }

    /** The first megabyte is read ahead for detection; the stored original must still be whole. */
    @Test
    void anOriginalLargerThanTheDetectionHeadIsStoredWhole() throws Exception {
        byte[] scan = new byte[2_500_000];
        new java.util.Random(7).nextBytes(scan);
        System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, scan, 0, 9);

        String mailId = (String) upload(scan, "scan.pdf").get("mailId");

        await().atMost(Duration.ofSeconds(30)).until(() -> !received.valuesFor(mailId).isEmpty());
        MailReceived announced = received.valuesFor(mailId).get(0);
        assertThat(announced.sizeBytes()).isEqualTo(scan.length);
        assertThat(announced.mediaType()).isEqualTo("application/pdf");
        try (InputStream stored = blobStore.open(announced.originalRef())) {
            assertThat(stored.readAllBytes()).isEqualTo(scan);
        }
    }

    /** Text beyond Kafka's record limit is cut and marked, so the mail reaches the classifier instead of a dead letter. */
    @Test
    void aMailWithAFiveMegabyteTextAttachmentIsExtractedBelowTheRecordLimit() throws Exception {
        StringBuilder minutes = new StringBuilder("Referat af møde om vejbelysning på Åboulevarden\n");
        for (int line = 0; minutes.length() < 5_000_000; line++) {
            minutes.append("Punkt ").append(line).append(": lygtepæl nr. ").append(line * 7 % 1000)
                    .append(" er slukket, og naboerne ønsker den repareret før vinteren.\n");
        }
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()));
        message.setFrom("borger@example.dk");
        message.setSubject("Referat vedlagt", "UTF-8");
        jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart();
        jakarta.mail.internet.MimeBodyPart body = new jakarta.mail.internet.MimeBodyPart();
        body.setText("Hermed referatet fra mødet om vejbelysning.", "UTF-8");
        jakarta.mail.internet.MimeBodyPart attachment = new jakarta.mail.internet.MimeBodyPart();
        attachment.setText(minutes.toString(), "UTF-8");
        attachment.setFileName("referat.txt");
        parts.addBodyPart(body);
        parts.addBodyPart(attachment);
        message.setContent(parts);
        java.io.ByteArrayOutputStream eml = new java.io.ByteArrayOutputStream();
        message.writeTo(eml);
        assertThat(eml.size()).isGreaterThan(5_000_000);

        String mailId = (String) upload(eml.toByteArray(), "referat.eml").get("mailId");

        await().atMost(Duration.ofSeconds(60)).until(() -> !extracted.valuesFor(mailId).isEmpty());
        TextExtracted text = extracted.valuesFor(mailId).get(0);
        assertThat(text.status()).isEqualTo(ExtractionStatus.PARTIAL);
        assertThat(text.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("TEXT_TRUNCATED"));
        assertThat(text.bodyText()).contains("Hermed referatet");
        assertThat(text.attachments()).singleElement()
                .satisfies(a -> assertThat(a.text()).startsWith("Referat af møde om vejbelysning"));
        assertThat(dk.postfordeling.contracts.MailJson.mapper().writeValueAsBytes(text).length)
                .isGreaterThan(500_000).isLessThanOrEqualTo(1_000_000);
    }

    /** Extraction that keeps failing ends on the dead-letter topic (where routing takes it to a person), naming only the cause's class. */
    @Test
    void aMailWhoseExtractionKeepsFailingIsDeadLetteredWithItsCauseButNoMessage() {
        dk.postfordeling.contracts.MailId id = new dk.postfordeling.contracts.MailId(java.util.UUID.randomUUID());
        MailReceived gone = new MailReceived(id, Channel.UPLOAD, Instant.now(),
                dk.postfordeling.platform.blob.StoredBlob.uriOf("ab00000000000000000000000000000000000000000000000000000000000000"),
                "message/rfc822", 10, "ab00", "gone.eml", null);

        kafka.send(Topics.MAIL_RECEIVED.name(), id.toString(), gone);

        try (KafkaTestConsumer<MailReceived> deadLetters = new KafkaTestConsumer<>(brokers,
                new dk.postfordeling.contracts.Topic<>(Topics.MAIL_RECEIVED.deadLetterName(), MailReceived.class,
                        Topics.MAIL_RECEIVED.schemaPath()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !deadLetters.valuesFor(id.toString()).isEmpty());
            var record = deadLetters.records().stream().filter(r -> r.key().equals(id.toString())).findFirst().orElseThrow();
            assertThat(record.value()).isEqualTo(gone);
            assertThat(record.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
            assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNull();
            assertThat(record.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();
        }
        assertThat(extracted.valuesFor(id.toString())).isEmpty();
    }

    @Test
    void theSameUploadTwiceIsTheSameMailAndAnnouncedOnce() {
        byte[] eml = Samples.bulkyWastePickup();

        Map<?, ?> first = upload(eml, "a.eml");
        Map<?, ?> second = upload(eml, "b.eml");
        String marker = (String) upload(Samples.mail("building-permit-question.eml"), "c.eml").get("mailId");

        assertThat(second.get("mailId")).isEqualTo(first.get("mailId"));
        assertThat(first.get("status")).isEqualTo("ACCEPTED");
        assertThat(second.get("status")).isEqualTo("DUPLICATE");
        // One partition: once the later marker is announced, any second announcement would be too.
        await().atMost(Duration.ofSeconds(30)).until(() -> !received.valuesFor(marker).isEmpty());
        assertThat(received.valuesFor((String) first.get("mailId"))).hasSize(1);
    }

    /**
     * A second intake service on the same database schema, Kafka and blob store: the same original
     * uploaded to both at the same moment is accepted by one and a duplicate to the other, and
     * announced once. Five rounds, each a fresh mail.
     */
    @Test
    void theSameOriginalUploadedToTwoInstancesAtOnceIsAcceptedOnce() throws Exception {
        List<String> shared = new java.util.ArrayList<>(List.of("--server.port=0"));
        for (String key : List.of("spring.kafka.bootstrap-servers", "spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password", "spring.datasource.hikari.schema", "spring.flyway.schemas",
                "postfordeling.intake.blob-store-dir", "postfordeling.kafka.partitions")) {
            shared.add("--" + key + "=" + environment.getRequiredProperty(key));
        }
        var both = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (var second = new org.springframework.boot.builder.SpringApplicationBuilder(dk.postfordeling.intake.IntakeApplication.class)
                .run(shared.toArray(String[]::new))) {
            int secondPort = ((org.springframework.boot.web.server.context.WebServerApplicationContext) second).getWebServer().getPort();
            List<String> mailIds = new java.util.ArrayList<>();
            for (int round = 0; round < 5; round++) {
                byte[] mail = ("X-Test-Id: " + java.util.UUID.randomUUID() + "\r\n" + new String(Samples.bulkyWastePickup(),
                        java.nio.charset.StandardCharsets.ISO_8859_1)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                var one = both.submit(() -> {
                    together.await();
                    return upload(port, mail, "a.eml");
                });
                var other = both.submit(() -> {
                    together.await();
                    return upload(secondPort, mail, "a.eml");
                });
                Map<?, ?> first = one.get(30, java.util.concurrent.TimeUnit.SECONDS);
                Map<?, ?> then = other.get(30, java.util.concurrent.TimeUnit.SECONDS);

                assertThat(then.get("mailId")).isEqualTo(first.get("mailId"));
                assertThat(List.of(first.get("status"), then.get("status"))).containsExactlyInAnyOrder("ACCEPTED", "DUPLICATE");
                mailIds.add((String) first.get("mailId"));
            }
            String marker = (String) upload(Samples.mail("building-permit-question.eml"), "c.eml").get("mailId");
            // One partition: once the later marker is announced, any second announcement would be too.
            await().atMost(Duration.ofSeconds(30)).until(() -> !received.valuesFor(marker).isEmpty());
            assertThat(mailIds).allSatisfy(mailId -> assertThat(received.valuesFor(mailId)).hasSize(1));
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    void theOriginalIsDeletedOnceTheMailIsDeliveredAndTheRetentionPeriodHasPassed() throws Exception {
        Map<?, ?> answer = upload(Samples.mail("passport-with-cpr.eml"), "pas.eml");
        String mailId = (String) answer.get("mailId");
        await().atMost(Duration.ofSeconds(30)).until(() -> !received.valuesFor(mailId).isEmpty());
        MailReceived announced = received.valuesFor(mailId).get(0);
        assertThat(blobStore.exists(announced.originalRef())).isTrue();

        kafka.send(Topics.MAIL_ROUTED.name(), mailId, new MailRouted(announced.mailId(), "borgerservice",
                new Destination(DestinationType.FUNCTION_MAILBOX, "borgerservice", "borgerservice@kommune.example"),
                "<x@kommune.example>", "MODEL", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !blobStore.exists(announced.originalRef()));
        assertThat(journal.published(announced.mailId())).isEmpty();
    }

    @Test
    void anOriginalThatWasNeverDeliveredIsKept() throws Exception {
        Map<?, ?> answer = upload(Samples.mail("ambiguous-question.eml"), "spoergsmaal.eml");
        String mailId = (String) answer.get("mailId");
        await().atMost(Duration.ofSeconds(30)).until(() -> !extracted.valuesFor(mailId).isEmpty()
                && !received.valuesFor(mailId).isEmpty());

        MailReceived announced = received.valuesFor(mailId).get(0);
        assertThat(blobStore.exists(announced.originalRef())).isTrue();
        assertThat(journal.published(announced.mailId())).isPresent();
    }

    @Test
    void theJournalForgetsAMailWhoseOriginalWasErasedElsewhere() throws Exception {
        byte[] mail = ("X-Test-Id: " + java.util.UUID.randomUUID() + "\r\n" + new String(Samples.mail("ambiguous-question.eml"),
                java.nio.charset.StandardCharsets.ISO_8859_1)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String mailId = (String) upload(mail, "lukket.eml").get("mailId");
        await().atMost(Duration.ofSeconds(30)).until(() -> !received.valuesFor(mailId).isEmpty());
        MailReceived announced = received.valuesFor(mailId).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> journal.published(announced.mailId()).isPresent());

        // As routing's retention does for mail a person closed, which no MailRouted announces.
        blobStore.delete(announced.originalRef());

        await().atMost(Duration.ofSeconds(30)).until(() -> journal.published(announced.mailId()).isEmpty());
    }

    @Test
    void aMailRoutingErasedIsDroppedAtOnceWithItsOriginal() throws Exception {
        byte[] mail = ("X-Test-Id: " + java.util.UUID.randomUUID() + "\r\n" + new String(Samples.mail("passport-with-cpr.eml"),
                java.nio.charset.StandardCharsets.ISO_8859_1)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String mailId = (String) upload(mail, "slet-mig.eml").get("mailId");
        await().atMost(Duration.ofSeconds(30)).until(() -> !received.valuesFor(mailId).isEmpty());
        MailReceived announced = received.valuesFor(mailId).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> journal.published(announced.mailId()).isPresent());

        // Never delivered, so only the erasure can end it; the original is still in intake's store.
        kafka.send(Topics.MAIL_ERASED.name(), mailId, new MailErased(announced.mailId(), announced.originalRef(), "REQUEST", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> journal.published(announced.mailId()).isEmpty());
        assertThat(blobStore.exists(announced.originalRef())).isFalse();
    }

    @Test
    void anEmptyUploadIsRefusedWithAReason() {
        assertThatThrownBy(() -> upload(new byte[0], "empty.eml"))
                .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getResponseBodyAsString()).contains("empty");
                });
    }

    @Test
    void anUploadWithoutTheFilePartIsRefusedWithAReason() {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("attachment", "x");

        assertThatThrownBy(() -> client().post().uri("/api/v1/mails").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body).retrieve().toBodilessEntity())
                .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getResponseBodyAsString()).contains("'file'");
                });
    }

    private Map<?, ?> upload(byte[] content, String fileName) {
        return upload(port, content, fileName);
    }

    private static Map<?, ?> upload(int port, byte[] content, String fileName) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        var response = client(port).post().uri("/api/v1/mails").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body).retrieve().toEntity(Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return response.getBody();
    }

    private RestClient client() {
        return client(port);
    }

    private static RestClient client(int port) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", dk.postfordeling.testing.TestClients.uploader()).build();
    }

}
