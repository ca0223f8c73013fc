package dk.postfordeling.classifier.model;

/**
 * The features of one text.
 *
 * @param indices    row of each feature in the model's embedding table (never 0, which is padding)
 * @param weights    weight of each feature
 * @param phrases    the word or word pair each feature came from, for explanations
 * @param words      number of word tokens in the text
 * @param knownWords how many of those words occurred in the training data
 * @param characteristicWords label index → the text's words characteristic of that label; {@code null}
 *                   when the model does not know characteristic words (models of release 1)
 */
public record Features(int[] indices, float[] weights, String[] phrases, int words, int knownWords,
        java.util.Map<Integer, java.util.Set<String>> characteristicWords) {

    public int size() {
        return indices.length;
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }
}
