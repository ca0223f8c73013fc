package dk.postfordeling.platform.blob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The blob store contract on a directory (local mode's store). */
class FileSystemBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;

    @Override
    BlobStore store() throws Exception {
        return new FileSystemBlobStore(root);
    }

    @Override
    BlobStore otherInstance() throws Exception {
        return new FileSystemBlobStore(root);
    }

    /** Originals only: the directory for files being written is not counted. */
    @Override
    long storedCount() throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getParent().getFileName().toString().equals("incoming")).count();
        }
    }
}
