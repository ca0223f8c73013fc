package dk.postfordeling.classifier.serving;

import dk.postfordeling.classifier.model.FeatureConfig;
import dk.postfordeling.classifier.model.ModelMetadata;
import dk.postfordeling.classifier.model.ModelRepository;
import dk.postfordeling.classifier.model.ModelTrainer;
import dk.postfordeling.classifier.model.SampleModel;
import dk.postfordeling.classifier.model.TrainingOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.TextExtracted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.testing.KafkaTestConsumer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;

@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "postfordeling.kafka.partitions=1",
        "postfordeling.classifier.model-check-interval=PT0.2S",
        "server.port=0"})
@EmbeddedKafka(partitions = 1)
@org.springframework.test.annotation.DirtiesContext // closed while its embedded broker still runs, not at JVM exit
class ClassificationServiceTest {

    /** The service's own sample model, trained once for the test JVM instead of at each start. */
    @org.springframework.test.context.DynamicPropertySource
    static void model(org.springframework.test.context.DynamicPropertyRegistry registry) {
        java.nio.file.Path dir = dk.postfordeling.classifier.model.SampleModel.freshModelDirectory();
        registry.add("postfordeling.classifier.model-dir", dir::toString);
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    ActiveModel model;

    @Autowired
    dk.postfordeling.classifier.ClassifierProperties properties;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void routesAClearMailAndSendsAVagueOneToReview() {
        TextExtracted parking = mail("Klage over parkeringsafgift",
                "Jeg har fået en parkeringsafgift på Vesterbrogade, men jeg har en gyldig beboerlicens til zonen.");
        TextExtracted vague = mail("Spørgsmål",
                "Hej. Jeg har et spørgsmål, som jeg håber, I kan hjælpe mig med. Kan nogen ringe mig op i løbet af ugen?");

        kafka.send(Topics.MAIL_EXTRACTED.name(), parking.mailId().toString(), parking);
        kafka.send(Topics.MAIL_EXTRACTED.name(), vague.mailId().toString(), vague);

        try (KafkaTestConsumer<MailClassified> classified = new KafkaTestConsumer<>(brokers, Topics.MAIL_CLASSIFIED)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> classified.records().size() >= 2);
            MailClassified routed = classified.valuesFor(parking.mailId().toString()).get(0);
            assertThat(routed.decision()).isEqualTo(Decision.ROUTE);
            assertThat(routed.top().label()).isEqualTo("parkering");
            assertThat(routed.predictions()).hasSize(3);
            assertThat(routed.explanation().phrases()).isNotEmpty();
            assertThat(routed.explanation().summary()).contains("parkering");
            assertThat(routed.modelVersion()).isEqualTo(model.classifier().metadata().modelVersion());
            assertThat(routed.originalRef()).isEqualTo(parking.originalRef());

            MailClassified review = classified.valuesFor(vague.mailId().toString()).get(0);
            assertThat(review.decision()).as(() -> review.top() + " " + review.reasons()).isEqualTo(Decision.REVIEW);
            assertThat(review.reasons()).isNotEmpty();
        }
    }

    @Test
    void switchesToANewlyTrainedModelWithoutDroppingMailAndCountsWhatItDoes() throws Exception {
        String before = model.classifier().metadata().modelVersion();
        ModelRepository repository = new ModelRepository(properties.modelDir());
        ModelMetadata next = new ModelTrainer(java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(1)))
                .train(SampleModel.sampleData(), TrainingOptions.defaults().withSeed(11), FeatureConfig.defaults(),
                        "bundled-sample", true, "next", repository.root());
        List<TextExtracted> mails = new java.util.ArrayList<>();
        try (KafkaTestConsumer<MailClassified> classified = new KafkaTestConsumer<>(brokers, Topics.MAIL_CLASSIFIED)) {
            for (int i = 0; i < 20; i++) {
                TextExtracted mail = mail("Storskrald " + i, "Vores storskrald blev ikke afhentet i tirsdags. Kan skraldebilen komme igen?");
                mails.add(mail);
                kafka.send(Topics.MAIL_EXTRACTED.name(), mail.mailId().toString(), mail);
                if (i == 5) {
                    repository.makeCurrent(next.modelVersion());
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> model.classifier().metadata().modelVersion().equals(next.modelVersion()));
            TextExtracted after = mail("Storskrald", "Skraldespanden er ikke blevet tømt i denne uge.");
            kafka.send(Topics.MAIL_EXTRACTED.name(), after.mailId().toString(), after);
            mails.add(after);
            await().atMost(Duration.ofSeconds(30)).until(() -> mails.stream()
                    .allMatch(m -> !classified.valuesFor(m.mailId().toString()).isEmpty()));
            assertThat(classified.valuesFor(after.mailId().toString()).get(0).modelVersion()).isEqualTo(next.modelVersion());
            assertThat(before).isNotEqualTo(next.modelVersion());
        }

        assertThat(meters.get("postfordeling.classifier.prediction").timer().count()).isGreaterThanOrEqualTo(21);
        assertThat(meters.get("postfordeling.classifier.decisions").tag("label", "affald").counters()).isNotEmpty();
        assertThat(meters.get("postfordeling.classifier.confidence").summary().count()).isGreaterThanOrEqualTo(21);
        meters.getMeters().forEach(meter -> meter.getId().getTags().forEach(tag ->
                assertThat(tag.getValue()).doesNotContain("storskrald", "Storskrald", "skraldespanden")));
    }

    private static TextExtracted mail(String subject, String body) {
        String sha = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return new TextExtracted(MailId.forContent(sha), Channel.UPLOAD, "blob:sha256:" + sha, subject, body, List.of(),
                "da", ExtractionStatus.EXTRACTED, List.of(), 0, null, Instant.now());
    }

}
