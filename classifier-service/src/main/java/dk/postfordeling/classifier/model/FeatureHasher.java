package dk.postfordeling.classifier.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Hashes tokens into the features of {@link FeatureConfig}, with FNV-1a so that hashing is stable across JVMs. */
public final class FeatureHasher {

    private final FeatureConfig config;

    public FeatureHasher(FeatureConfig config) {
        this.config = config;
    }

    public Features features(List<String> tokens) {
        List<Integer> indices = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        int[] wordBuckets = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            wordBuckets[i] = bucket("w:" + token);
            indices.add(wordBuckets[i]);
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
        return new Features(idx, weights, phrases.toArray(String[]::new), wordBuckets);
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
