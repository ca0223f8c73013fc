package dk.postfordeling.routing.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    RoutingsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/routings")
    List<RoutingView> recentRoutings(@RequestParam(defaultValue = "50") int limit) {
        return jdbc.sql("""
                select mail_id, outcome, label, confidence, destination_type, destination_key, destination_address,
                       external_reference, decided_by, model_version, decided_at
                from routing_outcome order by decided_at desc limit :limit""")
                .param("limit", Math.max(1, Math.min(limit, MAX_LIMIT)))
                .query((rs, n) -> new RoutingView(rs.getObject("mail_id", UUID.class), rs.getString("outcome"),
                        rs.getString("label"), rs.getDouble("confidence"), rs.getString("destination_type"),
                        rs.getString("destination_key"), rs.getString("destination_address"),
                        rs.getString("external_reference"), rs.getString("decided_by"), rs.getString("model_version"),
                        rs.getTimestamp("decided_at").toInstant()))
                .list();
    }

    @GetMapping("/reviews")
    List<ReviewView> openReviews(@RequestParam(defaultValue = "50") int limit) {
        return jdbc.sql("""
                select mail_id, channel, status, reasons::text as reasons, suggestions::text as suggestions, created_at
                from review_item where status <> 'DONE' order by created_at limit :limit""")
                .param("limit", Math.max(1, Math.min(limit, MAX_LIMIT)))
                .query((rs, n) -> new ReviewView(rs.getObject("mail_id", UUID.class), rs.getString("channel"),
                        rs.getString("status"), rs.getString("reasons"), rs.getString("suggestions"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** One outcome. {@code outcome} is ROUTED or REVIEW. */
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
