package dk.postfordeling.routing.web;

import dk.postfordeling.routing.workbench.MailViews;
import java.util.List;
import java.util.Optional;

/**
 * What has happened to a mail, in one truthful sentence for the transparency page and its JSON
 * export (an answer to an access request, aktindsigt): waiting for a person, decided by a person,
 * routed by the model or by a rule, corrected afterwards, or a person's decision undone.
 *
 * @param code a stable name of the state, for the export
 * @param text the sentence in Danish
 */
public record HandlingState(String code, String text) {

    static HandlingState of(MailViews.MailView view) {
        List<MailViews.Step> history = view.history();
        Optional<MailViews.Step> correction = last(history, "CORRECT");
        Optional<MailViews.Step> undo = last(history, "UNDO");
        boolean aPersonActed = history.stream().anyMatch(s -> !List.of("CLAIM", "RELEASE", "ERASE").contains(s.action()));
        if (view.outcome().isEmpty()) {
            return new HandlingState("IN_PROGRESS", "Posten er ved at blive fordelt; ingen afgørelse er truffet endnu.");
        }
        MailViews.Outcome o = view.outcome().get();
        switch (o.outcome()) {
            case "REVIEW" -> {
                if (view.pending() && aPersonActed) {
                    return new HandlingState("DECIDED_BY_PERSON_PENDING",
                            "En medarbejder har truffet afgørelse; posten er ved at blive fordelt derefter.");
                }
                if (undo.isPresent()) {
                    return new HandlingState("UNDONE_WAITING",
                            "En medarbejders afgørelse blev fortrudt; posten venter igen på en medarbejder.");
                }
                boolean claimed = view.review().map(r -> r.claimedBy() != null && "CLAIMED".equals(r.status())).orElse(false);
                return new HandlingState("WAITING", claimed
                        ? "Posten er hos en medarbejder, som endnu ikke har truffet afgørelse. Den er ikke fordelt automatisk."
                        : "Posten venter på en medarbejder. Ingen har truffet afgørelse endnu, og den er ikke fordelt automatisk.");
            }
            case "CLOSED" -> {
                return new HandlingState("CLOSED_BY_PERSON",
                        "En medarbejder lukkede posten: " + Format.decision(o.closedReason()) + ".");
            }
            case "ROUTED" -> {
                String where = o.label() + " (" + o.destination() + ")";
                if (correction.isPresent()) {
                    return new HandlingState("CORRECTED", "Posten blev først fordelt " + Format.decidedBy(firstRouter(view))
                            + "; en medarbejder rettede den bagefter til " + correction.get().detail().get("label") + ".");
                }
                return switch (o.decidedBy()) {
                    case "MODEL" -> new HandlingState("ROUTED_BY_MODEL", "Fordelt automatisk af modellen til " + where
                            + "; ingen medarbejder har behandlet posten.");
                    case "RULE" -> new HandlingState("ROUTED_BY_RULE", "Fordelt automatisk efter afsenderens KLE-nummer til "
                            + where + "; ingen medarbejder har behandlet posten.");
                    default -> new HandlingState("DECIDED_BY_PERSON", "En medarbejder fordelte posten til " + where + ".");
                };
            }
            default -> {
                return new HandlingState(o.outcome(), o.outcome());
            }
        }
    }

    /** Who routed the mail before the correction: the model, a rule or a person (from the first decision). */
    private static String firstRouter(MailViews.MailView view) {
        return view.history().stream().anyMatch(s -> s.action().equals("DECIDE")) ? "REVIEWER"
                : view.outcome().map(MailViews.Outcome::decidedBy).filter(d -> d.equals("RULE")).orElse("MODEL");
    }

    private static Optional<MailViews.Step> last(List<MailViews.Step> history, String action) {
        return history.stream().filter(s -> s.action().equals(action)).reduce((first, second) -> second);
    }
}
