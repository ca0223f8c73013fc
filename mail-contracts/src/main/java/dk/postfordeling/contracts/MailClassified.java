package dk.postfordeling.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The classifier's prediction for a mail (topic {@code mail.classified.v1}).
 * Schema: {@code schemas/v1/mail-classified.schema.json}.
 *
 * @param mailId       the mail
 * @param channel      how it arrived
 * @param originalRef  reference to the stored original, for delivery
 * @param predictions  top-k labels, most probable first
 * @param decision     ROUTE or REVIEW
 * @param reasons      why; never empty
 * @param explanation  the phrases behind the top prediction
 * @param hints        routing hints from the sender, passed on from extraction, or {@code null}
 * @param modelVersion the model that decided
 * @param classifiedAt when
 * @param content      what the mail says (since 1.1; personal data)
 * @param receivedAt   when intake accepted the mail (since 1.4; {@code null} from older writers)
 */
public record MailClassified(
        MailId mailId,
        Channel channel,
        String originalRef,
        List<LabelScore> predictions,
        Decision decision,
        List<DecisionReason> reasons,
        Explanation explanation,
        RoutingHints hints,
        String modelVersion,
        Instant classifiedAt,
        MailContent content,
        Instant receivedAt) {

    public MailClassified {
        predictions = List.copyOf(predictions);
        reasons = List.copyOf(reasons);
    }

    /** A classification without the arrival time (schema 1.3). */
    public MailClassified(MailId mailId, Channel channel, String originalRef, List<LabelScore> predictions, Decision decision,
            List<DecisionReason> reasons, Explanation explanation, RoutingHints hints, String modelVersion, Instant classifiedAt,
            MailContent content) {
        this(mailId, channel, originalRef, predictions, decision, reasons, explanation, hints, modelVersion, classifiedAt, content, null);
    }

    /** A classification without the mail's content (schema 1.0). */
    public MailClassified(MailId mailId, Channel channel, String originalRef, List<LabelScore> predictions, Decision decision,
            List<DecisionReason> reasons, Explanation explanation, RoutingHints hints, String modelVersion, Instant classifiedAt) {
        this(mailId, channel, originalRef, predictions, decision, reasons, explanation, hints, modelVersion, classifiedAt, null, null);
    }

    /** The most probable label. */
    public LabelScore top() {
        return predictions.get(0);
    }
}
