package dk.postfordeling.classifier.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The file {@code features.bin} of a model directory: a header naming the layout ({@code PFV2}),
 * the number of training texts, each feature's hash and document frequency, and (when built with
 * labels) each characteristic word's hash and label. Written after the features, the characteristic
 * words are simply absent from files of models built before them.
 */
final class VocabularyFile {

    static final String FILE = "features.bin";
    private static final int FILE_MAGIC = 0x50465632; // "PFV2"

    private VocabularyFile() {
    }

    static void write(FeatureVocabulary vocabulary, Path dir) throws IOException {
        try (OutputStream file = Files.newOutputStream(dir.resolve(FILE));
                DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(file))) {
            out.writeInt(FILE_MAGIC);
            out.writeInt(vocabulary.documents);
            out.writeInt(vocabulary.hashes.length);
            for (int i = 0; i < vocabulary.hashes.length; i++) {
                out.writeLong(vocabulary.hashes[i]);
                out.writeInt(vocabulary.documentFrequency[i]);
            }
            if (vocabulary.characteristicByHash != null) {
                out.writeInt(vocabulary.characteristicByHash.size());
                for (Map.Entry<Long, Integer> word : new java.util.TreeMap<>(vocabulary.characteristicByHash).entrySet()) {
                    out.writeLong(word.getKey());
                    out.writeInt(word.getValue());
                }
            }
        }
    }

    static FeatureVocabulary read(Path dir, FeatureConfig config) throws IOException {
        try (InputStream file = Files.newInputStream(dir.resolve(FILE));
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(file))) {
            if (in.readInt() != FILE_MAGIC) {
                throw new IOException(FILE + " is not a feature vocabulary");
            }
            int documents = in.readInt();
            int size = in.readInt();
            long[] hashes = new long[size];
            int[] df = new int[size];
            for (int i = 0; i < size; i++) {
                hashes[i] = in.readLong();
                df[i] = in.readInt();
            }
            Map<Long, Integer> characteristic = null;
            int characteristicWords = readIntOrEnd(in);
            if (characteristicWords >= 0) {
                characteristic = new HashMap<>(characteristicWords * 2);
                for (int i = 0; i < characteristicWords; i++) {
                    characteristic.put(in.readLong(), in.readInt());
                }
            }
            return new FeatureVocabulary(config, hashes, df, documents, characteristic);
        }
    }

    /** The next int, or -1 at the end of a file written without characteristic words. */
    private static int readIntOrEnd(DataInputStream in) throws IOException {
        try {
            return in.readInt();
        } catch (java.io.EOFException end) {
            return -1;
        }
    }
}
