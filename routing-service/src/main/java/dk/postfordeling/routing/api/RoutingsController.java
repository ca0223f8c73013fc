package dk.postfordeling.routing.api;

import dk.postfordeling.routing.outcome.RoutingOutcomes;
import dk.postfordeling.routing.review.ReviewItems;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only view of recent outcomes for staff and ops: where each mail went, or that it waits for
 * a person. Ids, labels and destinations only, never content.
 */
@RestController
@RequestMapping("/api/v1")
class RoutingsController {

    private static final int MAX_LIMIT = 500;

    private final RoutingOutcomes outcomes;
    private final ReviewItems reviewItems;

    RoutingsController(RoutingOutcomes outcomes, ReviewItems reviewItems) {
        this.outcomes = outcomes;
        this.reviewItems = reviewItems;
    }

    @GetMapping("/routings")
    List<RoutingView> recentRoutings(@RequestParam(defaultValue = "50") int limit) {
        return outcomes.recent(bounded(limit)).stream()
                .map(o -> new RoutingView(o.mailId(), o.outcome().name(), o.label(), o.confidence(), o.destinationType(),
                        o.destinationKey(), o.destinationAddress(), o.externalReference(), o.decidedBy().name(),
                        o.modelVersion(), o.decidedAt()))
                .toList();
    }

    @GetMapping("/reviews")
    List<ReviewView> openReviews(@RequestParam(defaultValue = "50") int limit) {
        return reviewItems.waiting(bounded(limit)).stream()
                .map(w -> new ReviewView(w.mailId(), w.channel(), w.status().name(), w.reasonsJson(), w.suggestionsJson(),
                        w.createdAt()))
                .toList();
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    /** One outcome. {@code outcome} is ROUTED, REVIEW or CLOSED. */
    record RoutingView(UUID mailId, String outcome, String label, double confidence, String destinationType,
            String destinationKey, String destinationAddress, String externalReference, String decidedBy,
            String modelVersion, Instant decidedAt) {
    }

    /** One mail waiting for a person; reasons and suggestions as JSON. */
    record ReviewView(UUID mailId, String channel, String status,
            @com.fasterxml.jackson.annotation.JsonRawValue String reasons,
            @com.fasterxml.jackson.annotation.JsonRawValue String suggestions, Instant createdAt) {
    }
}
