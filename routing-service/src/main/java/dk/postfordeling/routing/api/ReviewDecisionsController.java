package dk.postfordeling.routing.api;

import dk.postfordeling.routing.workbench.ReviewDecisions;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A reviewer's decision on a claimed item: {@code {"label": "parkering"}}. The reviewer is named
 * by {@code X-Reviewer} until the workbench's login (#6) supplies the signed-in person.
 */
@RestController
@RequestMapping("/api/v1/reviews")
class ReviewDecisionsController {

    private final ReviewDecisions decisions;
    private final dk.postfordeling.routing.workbench.ReviewItems items;

    ReviewDecisionsController(ReviewDecisions decisions, dk.postfordeling.routing.workbench.ReviewItems items) {
        this.decisions = decisions;
        this.items = items;
    }

    /** One item with the mail's content; every read is audited. */
    @org.springframework.web.bind.annotation.GetMapping("/{mailId}")
    ResponseEntity<?> item(@PathVariable UUID mailId, @RequestHeader("X-Reviewer") String reviewer) {
        if (!ReviewerIds.valid(reviewer)) {
            return ResponseEntity.badRequest().body(Map.of("error", "Angiv X-Reviewer."));
        }
        return items.view(mailId, reviewer).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("mailId", mailId,
                        "message", "Der er ingen post med dette id i køen.")));
    }

    record Decision(String label) {
    }

    @PostMapping("/{mailId}/decision")
    ResponseEntity<Map<String, Object>> decide(@PathVariable UUID mailId, @RequestHeader("X-Reviewer") String reviewer,
            @RequestBody Decision decision) {
        if (!ReviewerIds.valid(reviewer) || decision == null || decision.label() == null || decision.label().isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "Angiv X-Reviewer og en label."));
        }
        return switch (decisions.decide(mailId, decision.label().strip(), reviewer)) {
            case ROUTED -> ResponseEntity.ok(Map.of("mailId", mailId, "label", decision.label().strip()));
            case NOT_YOUR_CLAIM -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("mailId", mailId,
                    "message", "Du har ikke taget denne post; tag den først."));
            case UNKNOWN_LABEL -> ResponseEntity.badRequest().body(Map.of("mailId", mailId,
                    "message", "Rutetabellen kender ikke " + decision.label().strip() + "."));
            case UNKNOWN_MAIL -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("mailId", mailId,
                    "message", "Der er ingen post med dette id."));
        };
    }
}
