package dk.postfordeling.classifier.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Format 2 features: the vocabulary of the training data's features (words, word pairs and
 * character n-grams of words), each weighted by sublinear TF-IDF, {@code (1 + ln tf) * idf}, and
 * the text's weights L2-normalised. Features are stored as 64-bit FNV-1a hashes, never as text, so a
 * model file holds no readable fragment of the mail it was trained on. Features not in the
 * vocabulary are ignored.
 */
public final class FeatureVocabulary implements FeatureExtractor {

    static final String FILE = "features.bin";
    private static final int FILE_MAGIC = 0x50465632; // "PFV2"

    private final FeatureConfig config;
    private final Map<Long, Integer> indexByHash;
    private final float[] idf;

    private FeatureVocabulary(FeatureConfig config, long[] hashes, int[] documentFrequency, int documents) {
        this.config = config;
        this.indexByHash = new HashMap<>(hashes.length * 2);
        this.idf = new float[hashes.length + 1];
        for (int i = 0; i < hashes.length; i++) {
            indexByHash.put(hashes[i], i + 1);
            idf[i + 1] = (float) (Math.log((1.0 + documents) / (1.0 + documentFrequency[i])) + 1.0);
        }
        this.hashes = hashes;
        this.documentFrequency = documentFrequency;
        this.documents = documents;
    }

    private final long[] hashes;
    private final int[] documentFrequency;
    private final int documents;

    /** Builds the vocabulary of tokenised training texts: every feature, the most frequent first, up to the configured maximum. */
    public static FeatureVocabulary build(List<List<String>> texts, FeatureConfig config) {
        Map<Long, Integer> frequency = new HashMap<>();
        Set<Long> words = new HashSet<>();
        Set<Long> seen = new HashSet<>();
        for (List<String> tokens : texts) {
            seen.clear();
            forEachFeature(tokens, config, (hash, phrase, word) -> {
                seen.add(hash);
                if (word) {
                    words.add(hash);
                }
            });
            for (Long hash : seen) {
                frequency.merge(hash, 1, Integer::sum);
            }
        }
        // Every word is kept (it tells how familiar a text is); rarer pairs and n-grams only add noise.
        List<Map.Entry<Long, Integer>> entries = new ArrayList<>(frequency.entrySet());
        entries.removeIf(e -> e.getValue() < config.minDocumentFrequency() && !words.contains(e.getKey()));
        entries.sort(Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        int size = Math.min(entries.size(), config.maxFeatures());
        long[] hashes = new long[size];
        int[] df = new int[size];
        for (int i = 0; i < size; i++) {
            hashes[i] = entries.get(i).getKey();
            df[i] = entries.get(i).getValue();
        }
        return new FeatureVocabulary(config, hashes, df, texts.size());
    }

    /** Number of rows the model's embedding table needs: one per feature plus padding row 0. */
    public int rows() {
        return hashes.length + 1;
    }

    @Override
    public Features features(List<String> tokens) {
        Map<Integer, Integer> termFrequency = new LinkedHashMap<>();
        Map<Integer, Map<String, Integer>> phrasesByIndex = new HashMap<>();
        int[] known = new int[1];
        forEachFeature(tokens, config, (hash, phrase, word) -> {
            Integer index = indexByHash.get(hash);
            if (index == null) {
                return;
            }
            if (word) {
                known[0]++;
            }
            termFrequency.merge(index, 1, Integer::sum);
            phrasesByIndex.computeIfAbsent(index, i -> new LinkedHashMap<>(2)).merge(phrase, 1, Integer::sum);
        });
        double norm = 0;
        Map<Integer, Double> weightByIndex = new LinkedHashMap<>();
        for (Map.Entry<Integer, Integer> tf : termFrequency.entrySet()) {
            double weight = (1 + Math.log(tf.getValue())) * idf[tf.getKey()];
            weightByIndex.put(tf.getKey(), weight);
            norm += weight * weight;
        }
        norm = Math.sqrt(norm);
        List<Integer> indices = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        for (Map.Entry<Integer, Double> feature : weightByIndex.entrySet()) {
            int index = feature.getKey();
            double tf = termFrequency.get(index);
            // One entry per phrase the feature came from, sharing the feature's weight, so that
            // explanations can credit each phrase; the model sums them back to the feature's weight.
            for (Map.Entry<String, Integer> phrase : phrasesByIndex.get(index).entrySet()) {
                indices.add(index);
                weights.add((float) (feature.getValue() / norm * phrase.getValue() / tf));
                phrases.add(phrase.getKey());
            }
        }
        int[] idx = new int[indices.size()];
        float[] w = new float[indices.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = indices.get(i);
            w[i] = weights.get(i);
        }
        return new Features(idx, w, phrases.toArray(String[]::new), tokens.size(), known[0]);
    }

    private interface FeatureSink {
        void accept(long hash, String phrase, boolean word);
    }

    private static void forEachFeature(List<String> tokens, FeatureConfig config, FeatureSink sink) {
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            sink.accept(hash('w', token, 0, token.length()), token, true);
            if (config.minCharNgram() > 0 && !token.startsWith("<")) {
                String bounded = "<" + token + ">";
                for (int n = config.minCharNgram(); n <= config.maxCharNgram(); n++) {
                    for (int start = 0; start + n <= bounded.length(); start++) {
                        if (n == bounded.length()) {
                            continue; // the whole bounded word is the word feature already
                        }
                        sink.accept(hash('c', bounded, start, start + n), token, false);
                    }
                }
            }
            if (config.wordBigrams() && i > 0) {
                String pair = tokens.get(i - 1) + " " + token;
                sink.accept(hash('b', pair, 0, pair.length()), pair, false);
            }
        }
    }

    /** 64-bit FNV-1a over the kind and the characters. */
    static long hash(char kind, String text, int from, int to) {
        long hash = 0xcbf29ce484222325L;
        hash = (hash ^ kind) * 0x100000001b3L;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            hash = (hash ^ (c & 0xff)) * 0x100000001b3L;
            hash = (hash ^ (c >>> 8)) * 0x100000001b3L;
        }
        return hash;
    }

    void write(Path dir) throws IOException {
        try (OutputStream file = Files.newOutputStream(dir.resolve(FILE));
                DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(file))) {
            out.writeInt(FILE_MAGIC);
            out.writeInt(documents);
            out.writeInt(hashes.length);
            for (int i = 0; i < hashes.length; i++) {
                out.writeLong(hashes[i]);
                out.writeInt(documentFrequency[i]);
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
            return new FeatureVocabulary(config, hashes, df, documents);
        }
    }
}
