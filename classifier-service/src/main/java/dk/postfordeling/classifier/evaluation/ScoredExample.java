package dk.postfordeling.classifier.evaluation;

/**
 * One test text as a classifier saw it.
 *
 * @param truth      the test label
 * @param predicted  the top label
 * @param confidence the probability of the top label
 * @param routed     whether the classifier decided to route it without a person
 */
public record ScoredExample(String truth, String predicted, double confidence, boolean routed) {

    public boolean correct() {
        return truth.equals(predicted);
    }
}
