package dk.postfordeling.classifier.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Format 1 features (release 1 models): every feature hashed with FNV-1a into a fixed number of
 * buckets, each weighted by one over the number of features. Kept so that models written by
 * release 1 still load and predict as before.
 */
public final class FeatureHasher implements FeatureExtractor {

    private final FeatureConfig config;
    private final BitSet knownWordBuckets;

    /** @param knownWordBuckets word buckets seen in training, or {@code null} while training */
    public FeatureHasher(FeatureConfig config, BitSet knownWordBuckets) {
        this.config = config;
        this.knownWordBuckets = knownWordBuckets;
    }

    @Override
    public Features features(List<String> tokens) {
        List<Integer> indices = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        int known = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            int wordBucket = bucket("w:" + token);
            if (knownWordBuckets != null && knownWordBuckets.get(wordBucket)) {
                known++;
            }
            indices.add(wordBucket);
            phrases.add(token);
            if (config.minCharNgram() > 0 && !token.startsWith("<")) {
                String bounded = "<" + token + ">";
                for (int n = config.minCharNgram(); n <= config.maxCharNgram(); n++) {
                    for (int start = 0; start + n <= bounded.length(); start++) {
                        indices.add(bucket("c:" + bounded.substring(start, start + n)));
                        phrases.add(token);
                    }
                }
            }
            if (config.wordBigrams() && i > 0) {
                String pair = tokens.get(i - 1) + " " + token;
                indices.add(bucket("b:" + pair));
                phrases.add(pair);
            }
        }
        int size = indices.size();
        int[] idx = new int[size];
        float[] weights = new float[size];
        for (int i = 0; i < size; i++) {
            idx[i] = indices.get(i);
            weights[i] = 1f / size;
        }
        int[] rowOfEntry = new int[size];
        java.util.Arrays.setAll(rowOfEntry, i -> i);
        return new Features(idx, weights, phrases.toArray(String[]::new), idx, weights, rowOfEntry, tokens.size(), known, null);
    }

    /** Bucket of a feature string; in [1, buckets). */
    int bucket(String feature) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= 0x100000001b3L;
        }
        return 1 + (int) Long.remainderUnsigned(hash, config.buckets() - 1);
    }
}
