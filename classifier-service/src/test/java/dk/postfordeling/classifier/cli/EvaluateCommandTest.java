package dk.postfordeling.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.MailJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code evaluate} and {@code baseline} commands, whose report other tools read. */
class EvaluateCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainsOnTrainOnlyAndReportsEveryFigureTheContractNames() throws Exception {
        Path train = dir.resolve("train.csv");
        try (InputStream sample = getClass().getResourceAsStream("/sample-data/sample-mails-da.csv")) {
            Files.copy(sample, train);
        }
        Path test = dir.resolve("test.csv");
        // Extra columns give slices; the scanned letter is the one label training never saw, so its slice is worse.
        Files.writeString(test, """
                text,label,language,channel
                "Jeg har fået en parkeringsafgift, selvom jeg har beboerlicens",parkering,da,EMAIL_IMAP
                "Skraldespanden er ikke blevet tømt i denne uge",affald,da,EMAIL_IMAP
                "Vi vil gerne søge byggetilladelse til en carport",byggeri,da,DIGITAL_POST
                "Jeg skal have fornyet mit pas inden sommerferien",borgerservice,da,DIGITAL_POST
                "Min søn bliver mobbet i skolen",skole,da,EMAIL_IMAP
                "Min far har brug for hjemmehjælp efter operationen",pleje-og-omsorg,da,DIGITAL_POST
                "Der er et stort hul i vejen ud for nummer 12",vej-og-park,da,EMAIL_IMAP
                "Jeg vil gerne klage over støj fra naboens hund",dyrevelfaerd,,SCANNER
                """, StandardCharsets.UTF_8);
        Path report = dir.resolve("out/report.json");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ClassifierCli.run(new String[] {"evaluate", "--train", train.toString(), "--test", test.toString(),
                "--report", report.toString(), "--seed", "7", "--target-precision", "0.9", "--slice-min", "1"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = MailJson.mapper().readValue(report.toFile(), Map.class);
        assertThat(figures).containsKeys("examples", "labels", "accuracy", "macroF1", "autoRouted", "coverageAtPrecision",
                "trainSeconds", "predictionsPerSecond");
        assertThat(figures).containsEntry("examples", 8).containsEntry("labels", 7);
        // The label unseen in training can never be predicted, so at most 7 of 8 are right.
        assertThat(((Number) figures.get("accuracy")).doubleValue()).isBetween(0.5, 0.875);
        @SuppressWarnings("unchecked")
        Map<String, Object> coverage = (Map<String, Object>) figures.get("coverageAtPrecision");
        assertThat(coverage).containsOnlyKeys("0.90", "0.95", "0.98");
        @SuppressWarnings("unchecked")
        Map<String, Object> routed = (Map<String, Object>) figures.get("autoRouted");
        assertThat(((Number) routed.get("share")).doubleValue()).isBetween(0.0, 1.0);
        assertThat(((Number) figures.get("predictionsPerSecond")).doubleValue()).isPositive();
        assertThat(((Number) figures.get("singleThread1KbPredictionsPerSecond")).doubleValue()).as("speed is measured unless asked not to")
                .isPositive();
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) figures.get("model");
        assertThat(model).containsEntry("seed", 7).containsEntry("targetPrecision", 0.9);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> slices = (Map<String, Map<String, Object>>) ((Map<String, Object>) figures.get("slices")).get("slices");
        assertThat(slices).containsKeys("language=da", "language=unknown", "channel=EMAIL_IMAP", "channel=DIGITAL_POST", "channel=SCANNER",
                "length=under-200", "cpr=no");
        assertThat(slices.get("channel=EMAIL_IMAP")).containsEntry("examples", 4);
        assertThat(slices.get("length=under-200")).containsEntry("examples", 8);
        assertThat(slices.get("channel=SCANNER")).containsEntry("examples", 1).containsEntry("accuracy", 0.0).containsEntry("flagged", true);
        assertThat(slices.get("channel=SCANNER").get("below")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("accuracy");
    }

    @Test
    void theBaselineWritesTheSameFigures() throws Exception {
        Path train = dir.resolve("train.csv");
        try (InputStream sample = getClass().getResourceAsStream("/sample-data/sample-mails-da.csv")) {
            Files.copy(sample, train);
        }
        Path report = dir.resolve("baseline.json");

        int exit = ClassifierCli.run(new String[] {"baseline", "--train", train.toString(), "--test", train.toString(),
                "--report", report.toString()}, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(exit).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = MailJson.mapper().readValue(report.toFile(), Map.class);
        assertThat(((Number) figures.get("accuracy")).doubleValue()).as("it fits its own training data").isGreaterThan(0.95);
        assertThat(figures).containsKeys("macroF1", "coverageAtPrecision", "trainSeconds", "predictionsPerSecond");
    }

    @Test
    void speedIsOnOrOff() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ClassifierCli.run(new String[] {"evaluate", "--train", "x.csv", "--test", "y.csv", "--report", "r.json",
                "--speed", "sometimes"}, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--speed", "[on, off]", "'sometimes'", "Usage: classifier-service.jar evaluate");
    }

    @Test
    void aMissingOptionIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ClassifierCli.run(new String[] {"evaluate", "--train", "x.csv"}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required options", "--test", "--report");
    }

    @Test
    void workThatFailsSaysWhyInOneLineAndExitsWithOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ClassifierCli.run(new String[] {"baseline", "--train", "does-not-exist.csv", "--test", "y.csv", "--report", "r.json"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("baseline failed: ").doesNotContain("\n", "at dk.");
    }
}
