package dk.postfordeling.classifier.model;

import dk.postfordeling.contracts.MailJson;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import tools.jackson.databind.SerializationFeature;

/**
 * Layout of one model directory: {@code model.json} (metadata and provenance),
 * {@code postfordeling-0000.params} (DJL parameters) and {@code vocabulary.bin} (which word
 * buckets occurred in training, for out-of-scope detection).
 */
public final class ModelFiles {

    static final String MODEL_NAME = "postfordeling";
    static final String METADATA = "model.json";
    static final String VOCABULARY = "vocabulary.bin";

    private ModelFiles() {
    }

    static void writeMetadata(Path dir, ModelMetadata metadata) throws IOException {
        Files.writeString(dir.resolve(METADATA), MailJson.mapper().writer()
                .with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(metadata));
    }

    public static ModelMetadata readMetadata(Path dir) throws IOException {
        Path file = dir.resolve(METADATA);
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a model directory (no " + METADATA + "): " + dir);
        }
        // Fields added by later formats are absent from older files: they read as zero, false or null.
        ModelMetadata metadata = MailJson.mapper().readerFor(ModelMetadata.class)
                .without(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .readValue(file.toFile());
        if (metadata.formatVersion() > ModelMetadata.CURRENT_FORMAT) {
            throw new IOException("model " + metadata.modelVersion() + " was written by a newer release (format "
                    + metadata.formatVersion() + ")");
        }
        return metadata;
    }

    static void writeVocabulary(Path dir, BitSet vocabulary) throws IOException {
        long[] words = vocabulary.toLongArray();
        try (OutputStream file = Files.newOutputStream(dir.resolve(VOCABULARY));
                DataOutputStream out = new DataOutputStream(file)) {
            out.writeInt(words.length);
            for (long word : words) {
                out.writeLong(word);
            }
        }
    }

    static BitSet readVocabulary(Path dir) throws IOException {
        try (InputStream file = Files.newInputStream(dir.resolve(VOCABULARY));
                DataInputStream in = new DataInputStream(file)) {
            long[] words = new long[in.readInt()];
            for (int i = 0; i < words.length; i++) {
                words[i] = in.readLong();
            }
            return BitSet.valueOf(words);
        }
    }
}
