package dk.postfordeling.classifier.retraining;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A new model compared with the one in use on the newest staff decisions, which neither was trained
 * on. Accuracy: the model's top label is the one staff chose. Wrongly routed: the model would have
 * routed the mail without a person, to another label than staff chose. The new model is promoted
 * only when it is not worse on either.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShadowEvaluation(
        String candidateVersion,
        String currentVersion,
        int examples,
        double candidateAccuracy,
        double currentAccuracy,
        int candidateWronglyRouted,
        int currentWronglyRouted,
        double candidateRoutedShare,
        double currentRoutedShare,
        int trainedOnDecisions,
        Verdict verdict,
        Instant evaluatedAt) {

    /** What became of the new model. */
    public enum Verdict { PROMOTED, REJECTED }

    static Verdict judge(double candidateAccuracy, double currentAccuracy, int candidateWrong, int currentWrong) {
        return candidateAccuracy >= currentAccuracy && candidateWrong <= currentWrong ? Verdict.PROMOTED : Verdict.REJECTED;
    }
}
