package dk.postfordeling.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A mail was placed in the human-review queue (topic {@code mail.review-requested.v1}).
 * Schema: {@code schemas/v1/review-requested.schema.json}.
 *
 * @param mailId      the mail
 * @param reasons     why a person must decide
 * @param suggestions the model's top labels, most probable first (may be empty)
 * @param requestedAt when
 */
public record ReviewRequested(
        MailId mailId,
        List<DecisionReason> reasons,
        List<LabelScore> suggestions,
        Instant requestedAt) {

    public ReviewRequested {
        reasons = List.copyOf(reasons);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }
}
