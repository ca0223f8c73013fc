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
import tools.jackson.databind.JsonNode;
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

    /**
     * Reads {@code model.json} of any released format into the current {@link ModelMetadata}: one
     * reader per format, chosen by the file's {@code formatVersion}; any other version is refused.
     */
    public static ModelMetadata readMetadata(Path dir) throws IOException {
        Path file = dir.resolve(METADATA);
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a model directory (no " + METADATA + "): " + dir);
        }
        JsonNode json = MailJson.mapper().readTree(file.toFile());
        int format = json.path("formatVersion").asInt(0);
        FormatReader reader = READERS.get(format);
        if (reader == null) {
            throw new IOException("model " + json.path("modelVersion").asString("in " + dir) + " has model format " + format
                    + ", which this release cannot read; it reads formats " + new java.util.TreeSet<>(READERS.keySet())
                    + (format > ModelMetadata.CURRENT_FORMAT ? " (the model was written by a newer release)" : ""));
        }
        return reader.read(json);
    }

    /** Turns one released format's {@code model.json} into the current in-memory metadata. */
    @FunctionalInterface
    private interface FormatReader {
        ModelMetadata read(JsonNode json);
    }

    private static final java.util.Map<Integer, FormatReader> READERS = java.util.Map.of(
            1, ModelFiles::formatOne,
            2, ModelFiles::formatTwo,
            3, ModelFiles::formatThree);

    /**
     * Format 1 (release 1): hashed features, no thresholds of its own (one threshold from
     * configuration for every label), no hidden layer.
     */
    private static ModelMetadata formatOne(JsonNode json) {
        ModelMetadata read = lenient(json);
        return withRouting(read, null, null);
    }

    /**
     * Format 2: a TF-IDF vocabulary and per-label thresholds (Wilson bounds on two folds); no
     * routing expectation. Fields added within format 2 (hidden layer, minimum steps, per-kind
     * normalisation) read as {@code false} or 0 when absent, which is how those models were trained.
     */
    private static ModelMetadata formatTwo(JsonNode json) {
        ModelMetadata read = lenient(json);
        return withRouting(read, read.thresholds(), null);
    }

    /** Format 3 (this release): thresholds chosen by {@link RoutingThresholds} with their expectation. */
    private static ModelMetadata formatThree(JsonNode json) {
        return lenient(json);
    }

    /** Fields absent from a file read as zero, false or null. */
    private static ModelMetadata lenient(JsonNode json) {
        return MailJson.mapper().readerFor(ModelMetadata.class)
                .without(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .readValue(json);
    }

    private static ModelMetadata withRouting(ModelMetadata m, java.util.Map<String, Double> thresholds,
            ModelMetadata.RoutingExpectation expectation) {
        return new ModelMetadata(m.formatVersion(), m.modelVersion(), m.labels(), m.features(), m.dimension(), m.temperature(),
                m.training(), m.data(), m.evaluation(), m.libraries(), m.trainedAt(), thresholds, expectation, null, null, null);
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
