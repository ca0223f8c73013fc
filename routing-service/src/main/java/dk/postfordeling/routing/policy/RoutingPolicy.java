package dk.postfordeling.routing.policy;

import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.platform.text.Percent;
import dk.postfordeling.routing.outcome.DecidedBy;
import dk.postfordeling.routing.table.ReviewRules;
import dk.postfordeling.routing.table.Route;
import dk.postfordeling.routing.table.RoutingTable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where one mail goes: the routing decision as plain code, with no database, Kafka or Spring, so
 * each rule and their order can be read here and tested case by case. The dispatcher only carries
 * the outcome out. The rules, first match wins:
 * <ol>
 *   <li>a person chose a label: that label's destination, with nothing in between;</li>
 *   <li>an always-review rule matches the mail's text (e.g. aktindsigt, health terms with a CPR number): review;</li>
 *   <li>a trusted Digital Post sender gave a KLE subject key the routing table has a destination for: that one;</li>
 *   <li>the classifier asked for review: review, with its reasons;</li>
 *   <li>the routing table has no entry for the predicted label: review;</li>
 *   <li>the table sends the label to review always: review;</li>
 *   <li>the destination demands a higher confidence than the prediction has: review;</li>
 *   <li>otherwise the model's destination.</li>
 * </ol>
 * Then, over all of them: while an administrator has paused automatic routing — for everything or
 * for the chosen destination — a delivery the model or a rule chose goes to review instead, with the
 * pause's reason. A person's choice (rule 1) is never paused.
 *
 * @param table        the routing table in use (replaced as a whole when its file changes)
 * @param rules        the always-review rules in use
 * @param trustMemoKle whether a Digital Post sender's KLE subject key may route the mail
 */
public record RoutingPolicy(RoutingTable table, ReviewRules rules, boolean trustMemoKle) {

    /** The policy's answer for one mail. */
    public sealed interface Outcome permits Deliver, ToReview, NotFiled {
    }

    /** File the mail at {@code destination}, under {@code label}. */
    public record Deliver(Route.ToDestination destination, String label, DecidedBy decidedBy) implements Outcome {
    }

    /** A person decides; {@code reasons} say why, in Danish, for the review queue. */
    public record ToReview(List<DecisionReason> reasons) implements Outcome {
        public ToReview {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * A person chose a label the table never files (a review-only label): their decision closed the
     * item, so nothing is filed.
     */
    public record NotFiled(String label) implements Outcome {
    }

    /**
     * The outcome for a classified mail.
     *
     * @param reviewerLabel the label a person chose in the workbench, or {@code null}
     * @param pauses        where automatic routing is paused now
     */
    public Outcome decide(MailClassified mail, String reviewerLabel, Pauses pauses) {
        Outcome outcome = rules(mail, reviewerLabel);
        if (outcome instanceof Deliver deliver && deliver.decidedBy() != DecidedBy.REVIEWER) {
            Optional<Pauses.Pause> pause = pauses.covering(deliver.destination().key());
            if (pause.isPresent()) {
                return review(new DecisionReason("ROUTING_PAUSED", (pause.get().scope().equals(Pauses.EVERYTHING)
                        ? "Automatisk fordeling er sat på pause" : "Automatisk fordeling til " + deliver.destination().key()
                        + " er sat på pause") + ": " + pause.get().reason() + ". Posten ville være gået til "
                        + deliver.destination().key() + "."));
            }
        }
        return outcome;
    }

    /** The outcome while nothing is paused. */
    public Outcome decide(MailClassified mail, String reviewerLabel) {
        return decide(mail, reviewerLabel, Pauses.NONE);
    }

    private Outcome rules(MailClassified mail, String reviewerLabel) {
        if (reviewerLabel != null) {
            return table.destinationFor(reviewerLabel)
                    .<Outcome>map(destination -> new Deliver(destination, reviewerLabel, DecidedBy.REVIEWER))
                    .orElseGet(() -> new NotFiled(reviewerLabel));
        }
        Optional<ReviewRules.Match> rule = rules.firstMatchWithTerm(mail.content());
        if (rule.isPresent()) {
            return review(alwaysReviewRule(rule.get()));
        }
        Optional<Route.ToDestination> byKle = senderKle(mail);
        if (byKle.isPresent()) {
            return new Deliver(byKle.get(), mail.hints().kleNumber(), DecidedBy.RULE);
        }
        if (mail.decision() == Decision.REVIEW) {
            return new ToReview(mail.reasons());
        }
        String label = mail.top().label();
        Optional<Route> route = table.routeFor(label);
        if (route.isEmpty()) {
            return review(new DecisionReason("NO_DESTINATION", "Rutetabellen har ingen modtager for " + label + "."));
        }
        if (route.get() instanceof Route.ToDestination destination) {
            double confidence = mail.top().probability();
            if (destination.targetPrecision() != null && confidence < destination.targetPrecision()) {
                return review(new DecisionReason("BELOW_DESTINATION_PRECISION", String.format(Locale.ROOT,
                        "Modellen er %d %% sikker på %s; post til %s kræver mindst %d %%.", Percent.confidence(confidence),
                        label, destination.key(), Percent.threshold(destination.targetPrecision()))));
            }
            return new Deliver(destination, label, DecidedBy.MODEL);
        }
        return review(new DecisionReason("RULE_ALWAYS_REVIEW", "Post om " + label + " skal altid ses af en medarbejder."));
    }

    /** The reason shown for an always-review rule: the rule's name and the configured term, never the mail's words. */
    static DecisionReason alwaysReviewRule(ReviewRules.Match match) {
        String name = match.rule().name();
        return new DecisionReason("RULE_" + name.toUpperCase(Locale.ROOT).replace('-', '_'),
                "Post af denne art skal altid ses af en medarbejder (regel: " + name + ", term \u201c"
                        + match.term().replace("*", "") + "\u201d" + (match.rule().requiresCpr() ? " i post med CPR-nummer" : "")
                        + ").");
    }

    /** The destination for the KLE subject key a Digital Post sender gave, when trusted and in the table. */
    private Optional<Route.ToDestination> senderKle(MailClassified mail) {
        if (!trustMemoKle || mail.hints() == null || mail.hints().kleNumber() == null) {
            return Optional.empty();
        }
        return table.destinationFor(mail.hints().kleNumber().strip());
    }

    private static ToReview review(DecisionReason reason) {
        return new ToReview(List.of(reason));
    }
}
