package dk.postfordeling.routing.review;

import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.ReviewRequested;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.routing.outbox.Outbox;
import dk.postfordeling.routing.outcome.RoutingOutcomes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The human-review queue: mail a person must decide on, with the reasons and the model's suggestions. */
@Component
public class ReviewQueue {

    private final ReviewItems items;
    private final RoutingOutcomes outcomes;
    private final Outbox outbox;
    private final Clock clock;

    public ReviewQueue(ReviewItems items, RoutingOutcomes outcomes, Outbox outbox, Clock clock) {
        this.items = items;
        this.outcomes = outcomes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Puts a mail in the queue and records the outcome; part of the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(MailClassified mail, List<DecisionReason> reasons) {
        Instant now = clock.instant();
        List<LabelScore> suggestions = suggestions(mail);
        if (!items.add(mail, reasons, suggestions, now)) {
            return;
        }
        boolean predicted = !mail.top().label().isEmpty();
        outcomes.inReview(mail.mailId().value(), predicted ? mail.top().label() : null,
                predicted ? mail.top().probability() : null, mail.modelVersion(), now);
        outbox.append(Topics.MAIL_REVIEW_REQUESTED, mail.mailId().toString(), new ReviewRequested(mail.mailId(), reasons, suggestions, now));
    }

    /** The model's labels, without the empty label of mail that failed before any model saw it. */
    public static List<LabelScore> suggestions(MailClassified mail) {
        return mail.predictions().stream().filter(p -> !p.label().isEmpty()).toList();
    }
}
