package dk.postfordeling.classifier.model;

/**
 * How text becomes hashed features: word unigrams, word bigrams and character n-grams of each
 * word. Character n-grams let the model see into Danish compounds ("parkerings|afgift") and
 * through typos and OCR noise.
 *
 * @param buckets       size of the hashed feature space; bucket 0 is padding
 * @param minCharNgram  shortest character n-gram (0 disables character n-grams)
 * @param maxCharNgram  longest character n-gram
 * @param wordBigrams   whether adjacent word pairs are features
 */
public record FeatureConfig(int buckets, int minCharNgram, int maxCharNgram, boolean wordBigrams) {

    public static FeatureConfig defaults() {
        return new FeatureConfig(1 << 16, 3, 5, true);
    }
}
