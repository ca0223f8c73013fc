package dk.postfordeling.classifier.model;

/**
 * The hashed features of one text.
 *
 * @param indices     bucket per feature (never 0)
 * @param weights     weight per feature; they sum to 1
 * @param phrases     the word or word pair each feature came from, for explanations
 * @param wordBuckets bucket of each word's unigram feature, for measuring how familiar the text is
 */
public record Features(int[] indices, float[] weights, String[] phrases, int[] wordBuckets) {

    public int size() {
        return indices.length;
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }
}
