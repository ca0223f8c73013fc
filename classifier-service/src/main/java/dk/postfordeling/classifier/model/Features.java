package dk.postfordeling.classifier.model;

/**
 * The features of one text.
 *
 * @param indices    row in the model's embedding table (never 0, which is padding) of each entry: one
 *                   entry per feature and phrase it came from
 * @param weights    weight of each entry (a feature's weight shared among its phrases)
 * @param phrases    the word or word pair each entry came from, for explanations
 * @param rows       the distinct rows of the text's features: the model's input
 * @param rowWeights weight of each row (the sum of its entries' weights)
 * @param rowOfEntry position in {@code rows} of each entry's row
 * @param words      number of word tokens in the text
 * @param knownWords how many of those words occurred in the training data
 * @param characteristicWords label index → the text's words characteristic of that label; {@code null}
 *                   when the model does not know characteristic words (models of release 1)
 */
public record Features(int[] indices, float[] weights, String[] phrases, int[] rows, float[] rowWeights, int[] rowOfEntry, int words, int knownWords,
        java.util.Map<Integer, java.util.Set<String>> characteristicWords) {

    /** Number of entries (feature and phrase). */
    public int size() {
        return indices.length;
    }

    /** Number of distinct features. */
    public int rowCount() {
        return rows.length;
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }

    /** The same features with the rows in ascending order, so that training reads the embedding table front to back. */
    public Features sortedByRow() {
        long[] packed = new long[rows.length];
        for (int r = 0; r < rows.length; r++) {
            packed[r] = ((long) rows[r] << 32) | (Float.floatToRawIntBits(rowWeights[r]) & 0xffffffffL);
        }
        java.util.Arrays.sort(packed);
        int[] sortedRows = new int[rows.length];
        float[] sortedWeights = new float[rows.length];
        for (int r = 0; r < rows.length; r++) {
            sortedRows[r] = (int) (packed[r] >>> 32);
            sortedWeights[r] = Float.intBitsToFloat((int) packed[r]);
        }
        int[] sortedRowOfEntry = new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            sortedRowOfEntry[j] = java.util.Arrays.binarySearch(sortedRows, indices[j]);
        }
        return new Features(indices, weights, phrases, sortedRows, sortedWeights, sortedRowOfEntry, words, knownWords,
                characteristicWords);
    }
}
