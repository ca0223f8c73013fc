package dk.postfordeling.classifier.model;

import static dk.postfordeling.classifier.model.FeatureHashing.WORD;
import static dk.postfordeling.classifier.model.FeatureHashing.forEachFeature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link FeatureVocabulary} from tokenised training texts: every word, and the word pairs
 * and character n-grams found in enough texts, the most frequent first up to the configured maximum,
 * with their document frequencies; given the texts' labels, also each label's characteristic words.
 */
public final class VocabularyBuilder {

    private VocabularyBuilder() {
    }

    /** Builds the vocabulary of tokenised training texts: every feature, the most frequent first, up to the configured maximum. */
    public static FeatureVocabulary build(List<List<String>> texts, FeatureConfig config) {
        return build(texts, null, 0, config);
    }

    /**
     * As {@link #build(List, FeatureConfig)}, and also learns each label's characteristic words.
     *
     * @param targets label index of each text
     * @param labels  number of labels
     */
    public static FeatureVocabulary build(List<List<String>> texts, int[] targets, int labels, FeatureConfig config) {
        Map<Long, int[]> wordLabels = new HashMap<>();
        Map<Long, Integer> frequency = new HashMap<>();
        Set<Long> words = new HashSet<>();
        Set<Long> seen = new HashSet<>();
        Set<Long> seenWords = new HashSet<>();
        for (int t = 0; t < texts.size(); t++) {
            seen.clear();
            seenWords.clear();
            forEachFeature(texts.get(t), config, (hash, phrase, kind) -> {
                seen.add(hash);
                if (kind == WORD) {
                    words.add(hash);
                    seenWords.add(hash);
                }
            });
            for (Long hash : seen) {
                frequency.merge(hash, 1, Integer::sum);
            }
            if (targets != null) {
                for (Long hash : seenWords) {
                    wordLabels.computeIfAbsent(hash, h -> new int[labels])[targets[t]]++;
                }
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
        Map<Long, Integer> characteristic = null;
        if (targets != null) {
            characteristic = new HashMap<>();
            int minDocuments = Math.max(2, config.minDocumentFrequency());
            int[] textsPerLabel = new int[labels];
            for (int target : targets) {
                textsPerLabel[target]++;
            }
            for (Map.Entry<Long, int[]> word : wordLabels.entrySet()) {
                int[] perLabel = word.getValue();
                int total = 0;
                int best = 0;
                for (int label = 0; label < perLabel.length; label++) {
                    total += perLabel[label];
                    if (perLabel[label] > perLabel[best]) {
                        best = label;
                    }
                }
                double needed = Math.min(FeatureVocabulary.CHARACTERISTIC_SHARE, FeatureVocabulary.CHARACTERISTIC_LIFT * textsPerLabel[best] / texts.size());
                if (total >= minDocuments && RoutingThresholds.wilsonLowerBound(perLabel[best], total) >= needed) {
                    characteristic.put(word.getKey(), best);
                }
            }
        }
        return new FeatureVocabulary(config, hashes, df, texts.size(), characteristic);
    }
}
