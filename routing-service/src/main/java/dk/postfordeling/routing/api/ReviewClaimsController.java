package dk.postfordeling.routing.api;

import dk.postfordeling.routing.review.ReviewClaims;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Claiming a review item. The reviewer is named by the pseudonymous id in {@code X-Reviewer} until
 * the workbench's login (#6) supplies the signed-in person instead. Answers in Danish for staff.
 */
@RestController
@RequestMapping("/api/v1/reviews")
class ReviewClaimsController {

    private final ReviewClaims claims;

    ReviewClaimsController(ReviewClaims claims) {
        this.claims = claims;
    }

    @PostMapping("/{mailId}/claim")
    ResponseEntity<Map<String, Object>> claim(@PathVariable UUID mailId, @RequestHeader("X-Reviewer") String reviewer) {
        if (!ReviewerIds.valid(reviewer)) {
            return ResponseEntity.badRequest().body(Map.of("error", "X-Reviewer skal være et pseudonymt id (bogstaver, tal, _ og -)."));
        }
        ReviewClaims.Claim claim = claims.claim(mailId, reviewer);
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
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("mailId", mailId,
                "message", "Der er ingen post med dette id i køen."));
    }
}
