package dk.postfordeling.intake.channel.scanner;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.contracts.RoutingHints;
import dk.postfordeling.intake.acceptance.InboundMail;
import dk.postfordeling.intake.acceptance.MailAcceptance;
import dk.postfordeling.intake.channel.PolledChannel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Takes scanned letters from a drop folder: a PDF or image per letter, optionally with a sidecar
 * {@code <name>.json} holding {@code kleNumber} and {@code caseId}. A file is taken once it has been
 * unchanged for a while, accepted, and then moved with its sidecar to {@code processed/}. An unreadable
 * sidecar does not hold the letter back: the letter goes on without hints.
 */
@Component
@ConditionalOnProperty(name = "postfordeling.intake.scanner.enabled", havingValue = "true")
class ScannerDropFolder implements PolledChannel {

    private static final Logger log = LoggerFactory.getLogger(ScannerDropFolder.class);
    private static final Set<String> LETTERS = Set.of(".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg");

    private final ScannerProperties properties;
    private final MailAcceptance acceptance;
    private final Clock clock;

    ScannerDropFolder(ScannerProperties properties, MailAcceptance acceptance, Clock clock) throws IOException {
        this.properties = properties;
        this.acceptance = acceptance;
        this.clock = clock;
        Files.createDirectories(properties.dir().resolve("processed"));
    }

    @Override
    public Channel channel() {
        return Channel.SCANNER;
    }

    @Override
    public java.time.Duration pollInterval() {
        return properties.pollInterval();
    }

    @Override
    public void scheduledPoll() {
        try {
            poll();
        } catch (IOException | RuntimeException e) {
            log.warn("scanner folder poll failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public int poll() throws IOException {
        Instant settled = clock.instant().minus(properties.minAge());
        List<Path> letters;
        try (Stream<Path> files = Files.list(properties.dir())) {
            letters = files.filter(Files::isRegularFile).filter(ScannerDropFolder::isLetter)
                    .filter(file -> lastModified(file).isBefore(settled)).sorted().toList();
        }
        int accepted = 0;
        for (Path letter : letters) {
            Path sidecar = sidecarOf(letter);
            RoutingHints hints = Files.exists(sidecar) ? readHints(sidecar) : null;
            try (InputStream in = Files.newInputStream(letter)) {
                accepted += acceptance.accept(new InboundMail(in, Channel.SCANNER, letter.getFileName().toString(), hints))
                        .duplicate() ? 0 : 1;
            }
            moveToProcessed(letter);
            if (Files.exists(sidecar)) {
                moveToProcessed(sidecar);
            }
        }
        if (accepted > 0) {
            log.info("scanner folder accepted {} letters", accepted);
        }
        return accepted;
    }

    private static boolean isLetter(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.contains(".") && LETTERS.contains(name.substring(name.lastIndexOf('.')));
    }

    private static Path sidecarOf(Path letter) {
        String name = letter.getFileName().toString();
        return letter.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".json");
    }

    private static RoutingHints readHints(Path sidecar) {
        try {
            Map<?, ?> metadata = MailJson.mapper().readValue(sidecar.toFile(), Map.class);
            String kle = metadata.get("kleNumber") instanceof String k && k.matches("\\d{2}(\\.\\d{2}){0,2}") ? k : null;
            String caseId = metadata.get("caseId") instanceof String c ? c : null;
            return kle == null && caseId == null ? null : new RoutingHints(kle, caseId, null, null);
        } catch (RuntimeException unreadable) {
            log.warn("scanner sidecar unreadable; the letter goes on without hints");
            return null;
        }
    }

    private void moveToProcessed(Path file) throws IOException {
        Path target = properties.dir().resolve("processed").resolve(clock.millis() + "-" + file.getFileName());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }
}
