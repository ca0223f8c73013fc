package dk.postfordeling.classifier.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The classifier's model directory: one sub-directory per model version and a {@code CURRENT}
 * file naming the one in use. Switching models is an atomic rename of {@code CURRENT}.
 */
public final class ModelRepository {

    private static final String CURRENT = "CURRENT";

    private final Path root;

    public ModelRepository(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
    }

    public Path root() {
        return root;
    }

    /** The directory of the model in use, if any. */
    /** The directory of every model version here (those with their metadata written), in no order. */
    public java.util.List<Path> versions() throws IOException {
        try (java.util.stream.Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve(ModelFiles.METADATA))).toList();
        }
    }

    public Optional<Path> current() throws IOException {
        Path pointer = root.resolve(CURRENT);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        Path dir = root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
        if (!Files.isDirectory(dir)) {
            throw new IOException("CURRENT names a model that is not there: " + dir);
        }
        return Optional.of(dir);
    }

    /** Makes a model version the one in use. */
    public void makeCurrent(String modelVersion) throws IOException {
        if (!Files.isDirectory(root.resolve(modelVersion))) {
            throw new IOException("no model " + modelVersion + " in " + root);
        }
        Path temp = Files.createTempFile(root, "current-", ".tmp");
        Files.writeString(temp, modelVersion + "\n", StandardCharsets.UTF_8);
        Files.move(temp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
