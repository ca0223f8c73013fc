package dk.postfordeling.classifier.model;

/**
 * How text becomes features: word unigrams, word bigrams and character n-grams of each word.
 * Character n-grams let the model see into Danish compounds ("parkerings|afgift") and through
 * typos and OCR noise.
 *
 * @param buckets       format 1 only: size of the hashed feature space; bucket 0 is padding
 * @param minCharNgram  shortest character n-gram (0 disables character n-grams)
 * @param maxCharNgram  longest character n-gram
 * @param wordBigrams   whether adjacent word pairs are features
 * @param scheme        {@link #VOCABULARY_TFIDF} (format 2) or {@link #HASHED_MEAN} (format 1;
 *                      also what a missing value means)
 * @param maxFeatures   format 2: the most frequent features kept, at most
 * @param minDocumentFrequency format 2: word pairs and character n-grams in fewer training texts are dropped
 * @param normalisePerKind format 2: the words and word pairs of a text are L2-normalised as one group
 *                      and its character n-grams as another, so the many n-grams of a word do not
 *                      drown the word itself; {@code false} (models before this field): all together
 */
public record FeatureConfig(int buckets, int minCharNgram, int maxCharNgram, boolean wordBigrams, String scheme,
        int maxFeatures, int minDocumentFrequency, boolean normalisePerKind) {

    /** Every feature hashed into a fixed number of buckets, weights the mean (release 1). */
    public static final String HASHED_MEAN = "hashed-mean";
    /** A vocabulary of the training data's features, weighted by sublinear TF-IDF and L2-normalised. */
    public static final String VOCABULARY_TFIDF = "vocabulary-tfidf";

    public static FeatureConfig defaults() {
        return new FeatureConfig(0, 2, 5, true, VOCABULARY_TFIDF, 400_000, 2, true);
    }

    public boolean vocabulary() {
        return VOCABULARY_TFIDF.equals(scheme);
    }
}
