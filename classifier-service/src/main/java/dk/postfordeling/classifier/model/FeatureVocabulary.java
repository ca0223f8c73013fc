package dk.postfordeling.classifier.model;

import static dk.postfordeling.classifier.model.FeatureHashing.CHARACTERS;
import static dk.postfordeling.classifier.model.FeatureHashing.WORD;
import static dk.postfordeling.classifier.model.FeatureHashing.forEachFeature;

import dk.postfordeling.platform.collections.LongIntTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Format 2 features: the vocabulary of the training data's features (words, word pairs and
 * character n-grams of words), each weighted by sublinear TF-IDF, {@code (1 + ln tf) * idf}, and
 * the text's weights L2-normalised. Features are stored as 64-bit FNV-1a hashes, never as text, so a
 * model file holds no readable fragment of the mail it was trained on. Features not in the
 * vocabulary are ignored.
 *
 * <p>The vocabulary also knows which words are <em>characteristic</em> of a label: words whose
 * training texts carry that one label {@link #CHARACTERISTIC_LIFT} times as often as texts in general
 * do, and never need more than {@link #CHARACTERISTIC_SHARE} of them to. The share is judged by its
 * Wilson lower bound, so a word seen twice in one mailbox's mail and twice in others' does not count.
 * With seven mailboxes that means more than half (e.g. "parkeringsafgift" for parking, but not
 * "spørgsmål" or "hjælpe", which every mailbox receives); with 77 fine-grained labels a word used
 * five times as often in one label's texts already points to it. A mail without any characteristic word is too general to route without a
 * person, and a routing names the mail's words that point to its destination.
 *
 * <p>Built by {@link VocabularyBuilder}, stored by {@link VocabularyFile}; the features themselves
 * come from {@link FeatureHashing}.
 */
public final class FeatureVocabulary implements FeatureExtractor {

    private final FeatureConfig config;
    /** The most a word's training texts must (by the lower bound of the share) carry one label for the word to be characteristic of it. */
    public static final double CHARACTERISTIC_SHARE = 0.5;

    /** How many times a label's share of all training texts its share of a word's texts must be. */
    public static final double CHARACTERISTIC_LIFT = 5;

    private final LongIntTable indexByHash;
    private final float[] idf;
    /** Word hash → 1 + index of the label the word is characteristic of (0: none); {@code null}: not known (no labels at build). */
    private final LongIntTable characteristic;
    /** Word hash → index of the label it is characteristic of; {@code null} when built without labels. */
    final Map<Long, Integer> characteristicByHash;

    FeatureVocabulary(FeatureConfig config, long[] hashes, int[] documentFrequency, int documents,
            Map<Long, Integer> characteristic) {
        this.config = config;
        this.characteristicByHash = characteristic;
        if (characteristic == null) {
            this.characteristic = null;
        } else {
            this.characteristic = new LongIntTable(characteristic.size());
            characteristic.forEach((hash, label) -> this.characteristic.put(hash, label + 1));
        }
        this.indexByHash = new LongIntTable(hashes.length);
        this.idf = new float[hashes.length + 1];
        for (int i = 0; i < hashes.length; i++) {
            indexByHash.put(hashes[i], i + 1);
            idf[i + 1] = (float) (Math.log((1.0 + documents) / (1.0 + documentFrequency[i])) + 1.0);
        }
        this.hashes = hashes;
        this.documentFrequency = documentFrequency;
        this.documents = documents;
    }

    /** The vocabulary's features (hashes), their document frequencies and the number of training texts, as written to the file. */
    final long[] hashes;
    final int[] documentFrequency;
    final int documents;

    /** Number of rows the model's embedding table needs: one per feature plus padding row 0. */
    public int rows() {
        return hashes.length + 1;
    }

    /**
     * The text's features: one entry per (feature, phrase it came from), each phrase's entry carrying
     * its share of the feature's TF-IDF weight, so the model sums them back to the feature's weight and
     * explanations can credit each phrase. Built with primitive arrays: this runs for every mail.
     */
    @Override
    public Features features(List<String> tokens) {
        // Every hit as (vocabulary row << 32 | character n-gram bit | phrase number).
        long[] hits = new long[Math.max(16, tokens.size() * 24)];
        int[] count = new int[1];
        int[] known = new int[1];
        List<String> phraseNames = new ArrayList<>();
        Map<String, Integer> phraseNumbers = new HashMap<>(tokens.size() * 4); // a word and a word pair per token, never resized
        Map<Integer, Set<String>> characteristicWords = characteristic == null ? null : new HashMap<>();
        long[][] buffer = {hits};
        String[] lastPhrase = new String[1];
        int[] lastNumber = new int[1];
        forEachFeature(tokens, config, (hash, phrase, kind) -> {
            int index = indexByHash.get(hash);
            if (index == 0) {
                return;
            }
            if (kind == WORD) {
                known[0]++;
                if (characteristic != null) {
                    int label = characteristic.get(hash);
                    if (label > 0) {
                        characteristicWords.computeIfAbsent(label - 1, l -> new java.util.LinkedHashSet<>()).add(phrase);
                    }
                }
            }
            int number;
            if (phrase == lastPhrase[0]) {
                number = lastNumber[0]; // a word's character n-grams all come with the same string
            } else {
                Integer existing = phraseNumbers.get(phrase);
                if (existing == null) {
                    existing = phraseNames.size();
                    phraseNumbers.put(phrase, existing);
                    phraseNames.add(phrase);
                }
                number = existing;
                lastPhrase[0] = phrase;
                lastNumber[0] = number;
            }
            if (count[0] == buffer[0].length) {
                buffer[0] = java.util.Arrays.copyOf(buffer[0], buffer[0].length * 2);
            }
            buffer[0][count[0]++] = ((long) index << 32) | number | (kind == CHARACTERS ? CHARACTER_HIT : 0);
        });
        hits = buffer[0];
        int n = count[0];
        // Term frequency per row and hits per (row, phrase), counted in scratch hash tables; the
        // occupied slots are listed in order of first hit, so the tables are never scanned.
        int capacity = Integer.highestOneBit(Math.max(8, n * 2)) << 1;
        int mask = capacity - 1;
        int shift = 32 - Integer.numberOfTrailingZeros(capacity);
        long[] pairKeys = new long[capacity];
        int[] pairCounts = new int[capacity];
        int[] rowSlotOfPair = new int[capacity];
        int[] pairSlots = new int[n];
        int[] rowKeys = new int[capacity];
        int[] rowCounts = new int[capacity];
        boolean[] rowKinds = new boolean[capacity];
        int[] rowSlots = new int[n];
        int pairs = 0;
        int distinctRows = 0;
        for (int i = 0; i < n; i++) {
            long hit = hits[i];
            int row = (int) (hit >>> 32);
            int rowSlot = (row * 0x9E3779B1) >>> shift;
            while (rowCounts[rowSlot] != 0 && rowKeys[rowSlot] != row) {
                rowSlot = (rowSlot + 1) & mask;
            }
            if (rowCounts[rowSlot]++ == 0) {
                rowKeys[rowSlot] = row;
                rowKinds[rowSlot] = (hit & CHARACTER_HIT) != 0;
                rowSlots[distinctRows++] = rowSlot;
            }
            int slot = (int) ((hit * 0x9E3779B97F4A7C15L) >>> (shift + 32));
            while (pairCounts[slot] != 0 && pairKeys[slot] != hit) {
                slot = (slot + 1) & mask;
            }
            if (pairCounts[slot]++ == 0) {
                pairKeys[slot] = hit;
                rowSlotOfPair[slot] = rowSlot;
                pairSlots[pairs++] = slot;
            }
        }
        // Sublinear TF-IDF of each row (the logarithm once per row: it is a large part of the cost),
        // and the squared norms of the text's words and word pairs [0] and of its character n-grams [1].
        double[] squares = new double[2];
        double[] rowWeight = new double[distinctRows];
        int[] positionOfSlot = new int[capacity];
        for (int r = 0; r < distinctRows; r++) {
            int slot = rowSlots[r];
            double weight = (1 + Math.log(rowCounts[slot])) * idf[rowKeys[slot]];
            rowWeight[r] = weight;
            squares[group(rowKinds[slot])] += weight * weight;
            positionOfSlot[slot] = r;
        }
        double[] norms = new double[2];
        if (config.normalisePerKind()) {
            // Each group to unit length, then the whole to unit length.
            int groups = (squares[0] > 0 ? 1 : 0) + (squares[1] > 0 ? 1 : 0);
            for (int g = 0; g < 2; g++) {
                norms[g] = Math.sqrt(squares[g] * groups);
            }
        } else {
            Arrays.fill(norms, Math.sqrt(squares[0] + squares[1]));
        }
        // Each row's weight normalised in place: the model's input, and what its entries share.
        int[] rows = new int[distinctRows];
        float[] rowWeights = new float[distinctRows];
        for (int r = 0; r < distinctRows; r++) {
            int slot = rowSlots[r];
            rows[r] = rowKeys[slot];
            rowWeight[r] /= norms[group(rowKinds[slot])];
            rowWeights[r] = (float) rowWeight[r];
        }
        int[] indices = new int[pairs];
        float[] weights = new float[pairs];
        String[] phrases = new String[pairs];
        int[] rowOfEntry = new int[pairs];
        for (int entry = 0; entry < pairs; entry++) {
            int slot = pairSlots[entry];
            int rowSlot = rowSlotOfPair[slot];
            int position = positionOfSlot[rowSlot];
            int tf = rowCounts[rowSlot];
            indices[entry] = rowKeys[rowSlot];
            rowOfEntry[entry] = position;
            weights[entry] = (float) (rowWeight[position] * pairCounts[slot] / tf);
            phrases[entry] = phraseNames.get((int) (pairKeys[slot] & ~CHARACTER_HIT));
        }
        return new Features(indices, weights, phrases, rows, rowWeights, rowOfEntry, tokens.size(), known[0], characteristicWords);
    }

    /** Marks a hit of a character n-gram; phrase numbers stay below it. */
    private static final long CHARACTER_HIT = 1L << 31;

    private static int group(boolean characters) {
        return characters ? 1 : 0;
    }
}
