package dk.postfordeling.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.contracts.MessageSchemas;
import dk.postfordeling.contracts.TextExtracted;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.intake.Documents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code extract FILE} contract other tools depend on. */
class ExtractCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheResultAsTextExtractedJsonAndExitsZeroEvenForARejectedFile() throws Exception {
        Path file = dir.resolve("afgift.pdf");
        Files.write(file, Documents.document("encrypted.pdf"));

        Result result = run("extract", file.toString());

        assertThat(result.exit()).isZero();
        assertThat(MessageSchemas.validate(Topics.MAIL_EXTRACTED, result.out())).isEmpty();
        TextExtracted text = MailJson.mapper().readValue(result.out(), TextExtracted.class);
        assertThat(text.status()).isEqualTo(ExtractionStatus.REJECTED);
        assertThat(text.problems()).extracting(p -> p.code()).containsExactly("ENCRYPTED");
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void readsAGoodFile() throws Exception {
        Path file = dir.resolve("byggesag.docx");
        Files.write(file, Documents.document("byggesag.docx"));

        Result result = run("extract", file.toString());

        assertThat(result.exit()).isZero();
        TextExtracted text = MailJson.mapper().readValue(result.out(), TextExtracted.class);
        assertThat(text.status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(text.bodyText()).contains("byggetilladelse");
    }

    @Test
    void aMissingFileOrArgumentIsAUsageError() throws Exception {
        assertThat(run("extract").exit()).isEqualTo(2);
        Result missing = run("extract", dir.resolve("findes-ikke.pdf").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("usage");
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ExtractCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exit, String out, String err) {
    }
}
