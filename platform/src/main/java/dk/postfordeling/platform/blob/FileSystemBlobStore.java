package dk.postfordeling.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content-addressed blob store on a local or mounted file system: {@code root/ab/cd/abcd…}.
 *
 * <p>Content is written to a temporary file, forced to disk and moved into place atomically, so a
 * reader never sees a half-written original and a crash leaves at most an orphaned temporary file.
 */
public final class FileSystemBlobStore implements BlobStore {

    private final Path root;
    private final Path incoming;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = this.root.resolve("incoming");
        Files.createDirectories(incoming);
    }

    @Override
    public StoredBlob put(InputStream content) throws IOException {
        Path temp = Files.createTempFile(incoming, "blob-", ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = content.transferTo(out);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            String hex = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(hex);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                moveIntoPlace(temp, target);
            }
            return new StoredBlob(StoredBlob.uriOf(hex), hex, size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(String uri) throws IOException {
        Path path = pathOf(StoredBlob.sha256Of(uri));
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException("no stored original for " + uri);
        }
    }

    @Override
    public boolean exists(String uri) {
        return Files.exists(pathOf(StoredBlob.sha256Of(uri)));
    }

    @Override
    public boolean delete(String uri) throws IOException {
        return Files.deleteIfExists(pathOf(StoredBlob.sha256Of(uri)));
    }

    private Path pathOf(String hex) {
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException alreadyStored) {
            // Another writer stored the same content first; content addressing makes both equal.
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("blob store needs a file system with atomic rename: " + target.getParent(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
