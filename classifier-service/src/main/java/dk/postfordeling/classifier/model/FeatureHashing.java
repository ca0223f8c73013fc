package dk.postfordeling.classifier.model;

import java.util.List;

/**
 * How a text's tokens become features: each word, each pair of adjacent words and the character
 * n-grams of each word (of {@code <word>}, so beginnings and ends count), each as a 64-bit FNV-1a
 * hash of its kind and characters. Hashes, never text, are what a model stores.
 */
final class FeatureHashing {

    private FeatureHashing() {
    }

    static final char WORD = 'w';
    static final char WORD_PAIR = 'b';
    static final char CHARACTERS = 'c';

    /** Receives each feature of a text in order. */
    interface FeatureSink {
        /** @param kind {@link #WORD}, {@link #WORD_PAIR} or {@link #CHARACTERS} */
        void accept(long hash, String phrase, char kind);
    }

    static void forEachFeature(List<String> tokens, FeatureConfig config, FeatureSink sink) {
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            sink.accept(hash(WORD, token, 0, token.length()), token, WORD);
            if (config.minCharNgram() > 0 && !token.startsWith("<")) {
                // The n-grams of "<token>" from each start, longer ones hashed on from shorter ones.
                int length = token.length() + 2;
                for (int start = 0; start + config.minCharNgram() <= length; start++) {
                    long hash = KIND_HASH_CHARACTERS;
                    int end = Math.min(length, start + config.maxCharNgram());
                    for (int at = start; at < end; at++) {
                        hash = hashOn(hash, at == 0 ? '<' : at == length - 1 ? '>' : token.charAt(at - 1));
                        int n = at - start + 1;
                        // the whole bounded word is the word feature already
                        if (n >= config.minCharNgram() && n != length) {
                            sink.accept(hash, token, CHARACTERS);
                        }
                    }
                }
            }
            if (config.wordBigrams() && i > 0) {
                String pair = tokens.get(i - 1) + " " + token;
                sink.accept(hash(WORD_PAIR, pair, 0, pair.length()), pair, WORD_PAIR);
            }
        }
    }

    /** 64-bit FNV-1a over the kind and the characters (each as its low and then its high byte). */
    static long hash(char kind, String text, int from, int to) {
        long hash = (FNV_OFFSET ^ kind) * FNV_PRIME;
        for (int i = from; i < to; i++) {
            hash = hashOn(hash, text.charAt(i));
        }
        return hash;
    }

    /** The FNV-1a hash of what {@code hash} covered followed by one more character. */
    private static long hashOn(long hash, char c) {
        hash = (hash ^ (c & 0xff)) * FNV_PRIME;
        return (hash ^ (c >>> 8)) * FNV_PRIME;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long KIND_HASH_CHARACTERS = (FNV_OFFSET ^ CHARACTERS) * FNV_PRIME;
}
