package dk.postfordeling.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureVocabularyTest {

    /**
     * The features of a text are its words, word pairs and the character n-grams of each word with
     * its boundaries; the n-grams are hashed incrementally, which must give the hashes of the
     * substrings themselves (model files store those hashes).
     */
    @Test
    void featuresAreTheWordsPairsAndCharacterNgramsOfEachBoundedWord() {
        List<String> tokens = List.of("parkeringsafgift", "på", "ø", "<num>", "københavn");
        FeatureConfig config = FeatureConfig.defaults();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            expected.add("w " + FeatureHashing.hash(FeatureHashing.WORD, token, 0, token.length()) + " " + token);
            if (!token.startsWith("<")) {
                String bounded = "<" + token + ">";
                for (int n = config.minCharNgram(); n <= config.maxCharNgram(); n++) {
                    for (int start = 0; start + n <= bounded.length(); start++) {
                        if (n != bounded.length()) {
                            expected.add("c " + FeatureHashing.hash(FeatureHashing.CHARACTERS, bounded, start, start + n) + " " + token);
                        }
                    }
                }
            }
            if (i > 0) {
                String pair = tokens.get(i - 1) + " " + token;
                expected.add("b " + FeatureHashing.hash(FeatureHashing.WORD_PAIR, pair, 0, pair.length()) + " " + pair);
            }
        }
        List<String> actual = new ArrayList<>();
        FeatureHashing.forEachFeature(tokens, config, (hash, phrase, kind) -> actual.add(kind + " " + hash + " " + phrase));

        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        // "<ø>" is three characters: its 2-grams and nothing longer (the whole is the word itself)
        assertThat(actual.stream().filter(feature -> feature.startsWith("c ") && feature.endsWith(" ø"))).hasSize(2);
        assertThat(actual.stream().filter(feature -> feature.startsWith("c ") && feature.endsWith(" <num>"))).isEmpty(); // placeholders have no n-grams
    }

    @Test
    void hashIsFnv1aOverTheKindAndBothBytesOfEachCharacter() {
        long hash = 0xcbf29ce484222325L;
        for (int octet : new int[] {'c', 0xF8, 0x00, 'l', 0x00}) { // the kind, then "øl" low byte first
            hash = (hash ^ octet) * 0x100000001b3L;
        }
        assertThat(FeatureHashing.hash(FeatureHashing.CHARACTERS, "øl", 0, 2)).isEqualTo(hash);
    }
}
