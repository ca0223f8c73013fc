package dk.postfordeling.routing.api;

import dk.postfordeling.routing.security.SignedIn;
import dk.postfordeling.routing.workbench.ReviewDecisions;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Re-routing a mail that was routed without a person: {@code {"label": "affald"}}; recorded as a correction. */
@RestController
@RequestMapping("/api/v1/routings")
class CorrectionsController {

    private final ReviewDecisions decisions;
    private final SignedIn signedIn;

    CorrectionsController(ReviewDecisions decisions, SignedIn signedIn) {
        this.decisions = decisions;
        this.signedIn = signedIn;
    }

    record Correction(String label) {
    }

    @PostMapping("/{mailId}/correction")
    ResponseEntity<Map<String, Object>> correct(@PathVariable UUID mailId, @RequestBody Correction correction, Authentication who) {
        if (correction == null || correction.label() == null || correction.label().isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "Angiv en label."));
        }
        String label = correction.label().strip();
        return ReviewsController.answer(mailId, decisions.correct(mailId, label, signedIn.actor(who)),
                Map.of("mailId", mailId, "label", label));
    }
}
