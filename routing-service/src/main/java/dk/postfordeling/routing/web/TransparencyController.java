package dk.postfordeling.routing.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.Explanation;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.RoutingHints;
import dk.postfordeling.routing.review.ReviewQueue;
import dk.postfordeling.routing.retention.ContentErasure;
import dk.postfordeling.routing.security.Role;
import dk.postfordeling.routing.security.SignedIn;
import dk.postfordeling.routing.workbench.MailViews;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The transparency page of one mail — what the model saw and why, what rules and people did, and
 * where the mail is now — and the same record as a JSON download for an access request.
 */
@Controller
record TransparencyController(MailViews views, SignedIn signedIn, ContentErasure erasure) {

    /** The JSON record of {@code why.json}; {@code review} and {@code outcome} only where the mail has them. */
    record TransparencyRecord(UUID mailId, Channel channel, Instant classifiedAt, String modelVersion, Decision modelDecision,
            List<LabelScore> topLabels, List<DecisionReason> modelReasons, Explanation explanation, RoutingHints senderHints,
            @JsonInclude(JsonInclude.Include.NON_NULL) MailViews.ReviewState review,
            @JsonInclude(JsonInclude.Include.NON_NULL) MailViews.Outcome outcome,
            HandlingState state, List<MailViews.Step> history) {

        static TransparencyRecord of(MailViews.MailView view) {
            return new TransparencyRecord(view.mailId(), view.classified().channel(), view.classified().classifiedAt(),
                    view.classified().modelVersion(), view.classified().decision(), ReviewQueue.suggestions(view.classified()),
                    view.classified().reasons(), view.classified().explanation(), view.classified().hints(),
                    view.review().orElse(null), view.outcome().orElse(null), HandlingState.of(view), view.history());
        }
    }

    @GetMapping("/mail/{mailId}/why")
    String transparency(@PathVariable UUID mailId, Authentication who, Model model) {
        MailViews.MailView view = MailPages.open(views, mailId, signedIn.actor(who), "transparency page", model);
        model.addAttribute("state", HandlingState.of(view));
        model.addAttribute("erased", view.history().stream().filter(step -> step.action().equals("ERASE")).findFirst().orElse(null));
        model.addAttribute("mayErase", signedIn.has(who, Role.ADMIN));
        return "transparency";
    }

    @GetMapping(value = "/mail/{mailId}/why.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TransparencyRecord> transparencyJson(@PathVariable UUID mailId, Authentication who) {
        MailViews.MailView view = views.view(mailId, signedIn.actor(who), "transparency export").orElseThrow(MailPages::noSuchMail);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("fordeling-" + mailId + ".json").build().toString())
                .body(TransparencyRecord.of(view));
    }

    /**
     * An administrator erases the mail's content now: a data subject's request, or mail sent to the
     * wrong authority. Ids, decisions and the audit trail stay; the page then says it was erased.
     */
    @PostMapping("/admin/mail/{mailId}/erase")
    String erase(@PathVariable UUID mailId, Authentication who, RedirectAttributes flash) {
        if (!erasure.erase(mailId, signedIn.actor(who), ContentErasure.Reason.REQUEST)) {
            throw MailPages.noSuchMail();
        }
        flash.addFlashAttribute("message", "Postens indhold er slettet.");
        return "redirect:/mail/" + mailId + "/why";
    }
}
