package dk.postfordeling.routing.api;

import dk.postfordeling.routing.review.ReviewClaims;
import dk.postfordeling.routing.security.SignedIn;
import dk.postfordeling.routing.workbench.MailViews;
import dk.postfordeling.routing.workbench.ReviewDecisions;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review queue for tools (the workbench in the browser does the same through its pages): read
 * one mail (audited), claim it, decide where it goes, close it, undo. The signed-in person (HTTP
 * Basic) is who claims and decides. Answers in Danish for staff.
 */
@RestController
@RequestMapping("/api/v1/reviews")
class ReviewsController {

    private final ReviewClaims claims;
    private final ReviewDecisions decisions;
    private final MailViews views;
    private final SignedIn signedIn;

    ReviewsController(ReviewClaims claims, ReviewDecisions decisions, MailViews views, SignedIn signedIn) {
        this.claims = claims;
        this.decisions = decisions;
        this.views = views;
        this.signedIn = signedIn;
    }

    /** One mail with its content, suggestions, outcome and history; every read is audited. */
    @GetMapping("/{mailId}")
    ResponseEntity<?> item(@PathVariable UUID mailId, Authentication who) {
        return views.view(mailId, signedIn.actor(who), "api").<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound(mailId));
    }

    @PostMapping("/{mailId}/claim")
    ResponseEntity<Map<String, Object>> claim(@PathVariable UUID mailId, Authentication who) {
        ReviewClaims.Claim claim = claims.claim(mailId, signedIn.actor(who));
        if (claim instanceof ReviewClaims.Claim.Granted granted) {
            return ResponseEntity.ok(Map.of("mailId", mailId, "claimedBy", granted.reviewer()));
        }
        if (claim instanceof ReviewClaims.Claim.Taken taken) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("mailId", mailId, "claimedBy", taken.reviewer(),
                    "since", taken.since(), "message", "Posten er allerede taget af en anden medarbejder (" + taken.reviewer() + ")."));
        }
        if (claim instanceof ReviewClaims.Claim.Decided) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("mailId", mailId, "message", "Posten er allerede fordelt."));
        }
        return notFound(mailId);
    }

    record Decision(String label) {
    }

    /** Route a claimed item: {@code {"label": "parkering"}}. */
    @PostMapping("/{mailId}/decision")
    ResponseEntity<Map<String, Object>> decide(@PathVariable UUID mailId, @RequestBody Decision decision, Authentication who) {
        if (decision == null || decision.label() == null || decision.label().isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "Angiv en label."));
        }
        String label = decision.label().strip();
        return answer(mailId, decisions.decide(mailId, label, signedIn.actor(who)), Map.of("mailId", mailId, "label", label));
    }

    /** Close a claimed item without routing it: {@code not-for-us} or {@code spam}. */
    @PostMapping("/{mailId}/{closing:not-for-us|spam}")
    ResponseEntity<Map<String, Object>> close(@PathVariable UUID mailId, @PathVariable String closing, Authentication who) {
        ReviewDecisions.Closing reason = closing.equals("spam") ? ReviewDecisions.Closing.SPAM : ReviewDecisions.Closing.NOT_FOR_US;
        return answer(mailId, decisions.close(mailId, reason, signedIn.actor(who)), Map.of("mailId", mailId, "closed", reason));
    }

    /** Take back one's own decision within the undo window. */
    @PostMapping("/{mailId}/undo")
    ResponseEntity<Map<String, Object>> undo(@PathVariable UUID mailId, Authentication who) {
        return answer(mailId, decisions.undo(mailId, signedIn.actor(who)), Map.of("mailId", mailId, "undone", true));
    }

    static ResponseEntity<Map<String, Object>> answer(UUID mailId, ReviewDecisions.Result result, Map<String, Object> done) {
        return switch (result) {
            case DONE -> ResponseEntity.ok(done);
            case NOT_YOUR_CLAIM -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("mailId", mailId,
                    "message", "Du har ikke taget denne post; tag den først."));
            case UNKNOWN_LABEL -> ResponseEntity.badRequest().body(Map.of("mailId", mailId,
                    "message", "Rutetabellen kender ikke den modtager."));
            case UNKNOWN_MAIL -> notFound(mailId);
            case NOT_ROUTED -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("mailId", mailId,
                    "message", "Posten er ikke fordelt endnu og kan ikke rettes; den ligger i køen eller er undervejs."));
            case SAME_LABEL -> ResponseEntity.badRequest().body(Map.of("mailId", mailId,
                    "message", "Posten er allerede fordelt dertil."));
            case TOO_LATE -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("mailId", mailId,
                    "message", "Beslutningen kan ikke længere fortrydes; ret posten i stedet."));
        };
    }

    private static ResponseEntity<Map<String, Object>> notFound(UUID mailId) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("mailId", mailId, "message", "Der er ingen post med dette id."));
    }
}
