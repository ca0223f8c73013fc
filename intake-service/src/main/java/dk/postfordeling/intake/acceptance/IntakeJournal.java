package dk.postfordeling.intake.acceptance;

import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.contracts.MailReceived;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Intake's durable record of accepted mail, on the local file system: an arrival is journalled as
 * <em>pending</em> before the sender is told it was accepted, and marked <em>published</em> once
 * Kafka confirmed it. After a crash, pending arrivals are published on start-up, so an accepted
 * mail is never lost and is not published again once confirmed. It is also the de-duplication
 * index: the same original (same mail id) is accepted once.
 *
 * <p>Writes are crash-safe: content goes to a temporary file that is forced to disk and then linked
 * into place, which fails atomically if the entry exists.
 */
public final class IntakeJournal {

    private final Path pending;
    private final Path published;
    private final Path temp;

    public IntakeJournal(Path dir) throws IOException {
        this.pending = Files.createDirectories(dir.resolve("pending"));
        this.published = Files.createDirectories(dir.resolve("published"));
        this.temp = Files.createDirectories(dir.resolve("tmp"));
    }

    /**
     * Journals a new arrival; returns false when this mail was accepted before. Synchronised with
     * {@link #markPublished} so that an arrival being confirmed is never mistaken for a new one.
     */
    public synchronized boolean claim(MailReceived received) throws IOException {
        String id = received.mailId().toString();
        if (Files.exists(published.resolve(id))) {
            return false;
        }
        Path file = Files.createTempFile(temp, id, ".json");
        try {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(MailJson.mapper().writeValueAsBytes(received)));
                channel.force(true);
            }
            Files.createLink(pending.resolve(id + ".json"), file);
            forceDirectory(pending);
            return true;
        } catch (FileAlreadyExistsException alreadyPending) {
            return false;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Records that Kafka confirmed the arrival; the arrival stays readable as published. */
    public synchronized void markPublished(MailId mailId) throws IOException {
        String id = mailId.toString();
        try {
            Files.move(pending.resolve(id + ".json"), published.resolve(id), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException alreadyMoved) {
            // Confirmed twice: nothing more to record.
        }
        forceDirectory(published);
    }

    /** A published arrival, if this journal still remembers it. */
    public java.util.Optional<MailReceived> published(MailId mailId) throws IOException {
        try {
            byte[] json = Files.readAllBytes(published.resolve(mailId.toString()));
            return json.length == 0 ? java.util.Optional.empty()
                    : java.util.Optional.of(MailJson.mapper().readValue(json, MailReceived.class));
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Forgets a published arrival once its original is deleted: the same content sent again later
     * is then a new mail, not a duplicate of one whose original is gone.
     */
    public void forget(MailId mailId) throws IOException {
        Files.deleteIfExists(published.resolve(mailId.toString()));
    }

    /** Published arrivals journalled before {@code before} (their file's time), for retention. */
    public List<MailReceived> publishedBefore(java.time.Instant before) throws IOException {
        List<MailReceived> arrivals = new ArrayList<>();
        try (Stream<Path> files = Files.list(published)) {
            for (Path file : files.filter(f -> lastModified(f).toInstant().isBefore(before)).toList()) {
                published(MailId.of(file.getFileName().toString())).ifPresent(arrivals::add);
            }
        }
        return arrivals;
    }

    /** Arrivals not yet confirmed by Kafka, oldest first. */
    public List<MailReceived> pending() throws IOException {
        List<MailReceived> arrivals = new ArrayList<>();
        try (Stream<Path> files = Files.list(pending)) {
            for (Path file : files.sorted((a, b) -> lastModified(a).compareTo(lastModified(b))).toList()) {
                try {
                    arrivals.add(MailJson.mapper().readValue(file.toFile(), MailReceived.class));
                } catch (RuntimeException unreadable) {
                    // Only a file cut short by a crash before it was linked could be unreadable; it was never acknowledged.
                    Files.deleteIfExists(file);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return arrivals;
    }

    /** Reads one pending arrival, if it is still pending. */
    public java.util.Optional<MailReceived> pending(MailId mailId) throws IOException {
        Path file = pending.resolve(mailId + ".json");
        try {
            return java.util.Optional.of(MailJson.mapper().readValue(Files.readAllBytes(file), MailReceived.class));
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        }
    }

    public long pendingCount() throws IOException {
        try (Stream<Path> files = Files.list(pending)) {
            return files.count();
        }
    }

    private static java.nio.file.attribute.FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // Some file systems cannot force a directory; the entry is still written.
        }
    }
}
