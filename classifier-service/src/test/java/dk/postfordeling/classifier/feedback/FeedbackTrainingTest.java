package dk.postfordeling.classifier.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.classifier.cli.ClassifierCli;
import dk.postfordeling.classifier.model.ModelRepository;
import dk.postfordeling.classifier.model.TextClassifier;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.contracts.RoutingCorrected;
import dk.postfordeling.contracts.Topics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * Staff decisions on the feedback topic become training data: newest decision per mail, decisions
 * without text counted but not used, and the trained model routes a mail like the corrected ones
 * to the label staff chose.
 */
class FeedbackTrainingTest {

    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void correctionsOnTheFeedbackTopicTeachTheModel(@TempDir Path dir) throws Exception {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.MAIL_FEEDBACK.name());
        kafka.afterPropertiesSet();
        try (KafkaProducer<String, RoutingCorrected> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()), new StringSerializer(), Topics.MAIL_FEEDBACK.serde())) {
            // Staff keep moving mail about dog parks (hundeskove) to a new function mailbox the model has never seen.
            String[] dogPark = {
                "Hundeskoven ved søen mangler en låge, hundene løber ud på vejen.",
                "Kan kommunen sætte hegn op om hundeskoven i Byparken?",
                "Der ligger affaldsposer fra hunde i hundeskoven, spanden er fuld.",
                "Hundeskoven er mudret, kan der lægges grus på stierne?",
                "Ønske om en ny hundeskov i vores bydel ved skolen.",
                "Lågen til hundeskoven er gået i stykker.",
                "Hundeskov: bænken er væltet og skal repareres.",
                "Hvem passer hundeskoven? Græsset er ikke slået.",
                "Hundeskoven trænger til flere skraldespande.",
                "Må man holde hundetræning i hundeskoven?"};
            for (int i = 0; i < dogPark.length; i++) {
                send(producer, mailId(i), "vej-og-park", "dyr-og-natur", AT.plusSeconds(i), dogPark[i]);
            }
            // One mail first corrected wrongly, then right: the newest decision wins.
            send(producer, mailId(100), "affald", "skole", AT.plusSeconds(100), "Hundeskoven ved Nørreport har et hul i hegnet.");
            send(producer, mailId(100), "skole", "dyr-og-natur", AT.plusSeconds(200), "Hundeskoven ved Nørreport har et hul i hegnet.");
            // A decision from before decisions carried text: nothing to learn from.
            producer.send(new ProducerRecord<>(Topics.MAIL_FEEDBACK.name(), mailId(200).toString(),
                    new RoutingCorrected(mailId(200), "affald", "byggeri", "rv_0123456789", AT)));
            producer.flush();

            FeedbackReader.Feedback feedback = FeedbackReader.plaintext(kafka.getBrokersAsString(), java.time.Duration.ofSeconds(30)).read();
            assertThat(feedback.records()).isEqualTo(13);
            assertThat(feedback.examples()).hasSize(11);
            assertThat(feedback.superseded()).isEqualTo(1);
            assertThat(feedback.withoutText()).isEqualTo(1);
            assertThat(feedback.examples()).filteredOn(e -> e.text().contains("Nørreport")).singleElement()
                    .satisfies(e -> assertThat(e.label()).isEqualTo("dyr-og-natur"));

            Path sample = dir.resolve("sample.csv");
            try (InputStream in = ClassifierCli.class.getResourceAsStream("/sample-data/sample-mails-da.csv")) {
                Files.copy(in, sample);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = ClassifierCli.run(new String[] {"train", "--data", sample.toString(), "--feedback-bootstrap",
                    kafka.getBrokersAsString(), "--model-dir", dir.resolve("models").toString()},
                    new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

            assertThat(exit).isZero();
            JsonNode summary = MailJson.mapper().readTree(out.toString(StandardCharsets.UTF_8).strip());
            assertThat(summary.get("feedback").get("used").asInt()).isEqualTo(11);
            assertThat(summary.get("rows").asInt()).isEqualTo(193 + 11);
            Path current = new ModelRepository(dir.resolve("models")).current().orElseThrow();
            try (TextClassifier model = TextClassifier.load(current)) {
                assertThat(model.metadata().data().source()).contains("mail.feedback.v1");
                assertThat(model.metadata().labels()).contains("dyr-og-natur");
                assertThat(model.predict("Hej. Lågen ind til hundeskoven kan ikke lukkes, og hundene slipper ud.").top().label())
                        .isEqualTo("dyr-og-natur");
            }
        } finally {
            kafka.destroy();
        }
    }

    private static void send(KafkaProducer<String, RoutingCorrected> producer, MailId mail, String from, String to, Instant at, String text) {
        producer.send(new ProducerRecord<>(Topics.MAIL_FEEDBACK.name(), mail.toString(),
                new RoutingCorrected(mail, from, to, "rv_0123456789", at, text)));
    }

    private static MailId mailId(int n) {
        return new MailId(UUID.nameUUIDFromBytes(("feedback-" + n).getBytes(StandardCharsets.UTF_8)));
    }
}
