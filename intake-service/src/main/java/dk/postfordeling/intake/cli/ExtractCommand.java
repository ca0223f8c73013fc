package dk.postfordeling.intake.cli;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.contracts.TextExtracted;
import dk.postfordeling.intake.IntakeProperties;
import dk.postfordeling.intake.extraction.ExtractedText;
import dk.postfordeling.intake.extraction.LanguageGuesser;
import dk.postfordeling.intake.extraction.MailTextExtractor;
import dk.postfordeling.platform.privacy.PersonalData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.tika.config.TikaConfig;

/**
 * {@code intake-service.jar extract FILE}: prints the extraction result of one file as JSON — the
 * fields of {@code TextExtracted}, including {@code status} (EXTRACTED, PARTIAL, REJECTED) and
 * {@code problems}. Exits 0 for every status; 2 only for a usage error. Other tools depend on this
 * contract. It never prints a stack trace for a bad file.
 */
public final class ExtractCommand {

    private ExtractCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: java -jar intake-service.jar extract FILE");
            return 2;
        }
        Path file = Path.of(args[1]);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("not a readable file: " + file);
            err.println("usage: java -jar intake-service.jar extract FILE");
            return 2;
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            err.println("cannot read " + file + ": " + e.getClass().getSimpleName());
            return 2;
        }
        MailTextExtractor extractor = new MailTextExtractor(TikaConfig.getDefaultConfig(), new LanguageGuesser(),
                IntakeProperties.Limits.defaults(), IntakeProperties.Ocr.defaults());
        ExtractedText text = extractor.extract(content, file.getFileName().toString());
        String sha256 = sha256(content);
        TextExtracted result = new TextExtracted(MailId.forContent(sha256), Channel.UPLOAD, "blob:sha256:" + sha256,
                text.subject(), text.bodyText(), text.attachments(), text.language(), text.status(), text.problems(),
                PersonalData.countCpr(text.allText()), text.hints(), Instant.now());
        out.println(MailJson.mapper().writeValueAsString(result));
        out.flush();
        return 0;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
