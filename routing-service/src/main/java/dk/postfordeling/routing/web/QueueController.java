package dk.postfordeling.routing.web;

import dk.postfordeling.routing.review.ReviewClaims;
import dk.postfordeling.routing.security.SignedIn;
import dk.postfordeling.routing.workbench.MailViews;
import dk.postfordeling.routing.workbench.ReviewDecisions;
import dk.postfordeling.routing.workbench.WorkbenchProperties;
import dk.postfordeling.routing.workbench.WorkbenchQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue with its filters and bulk actions, and the list of recently auto-routed mail
 * that staff may correct.
 */
@Controller
record QueueController(WorkbenchQueries queries, MailViews views, ReviewClaims claims, ReviewDecisions decisions, SignedIn signedIn, WorkbenchProperties properties) {

    @GetMapping("/queue")
    String queue(@RequestParam(required = false) String suggested, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String language, Model model) {
        WorkbenchQueries.QueueFilter filter = new WorkbenchQueries.QueueFilter(suggested, channel, language);
        model.addAttribute("filter", filter);
        model.addAttribute("rows", queries.queue(filter));
        model.addAttribute("choices", queries.filterChoices());
        model.addAttribute("backlog", queries.backlog());
        return "queue";
    }

    /** One action on many items: each is claimed first, and items someone else holds are skipped and named. */
    @PostMapping("/queue/bulk")
    String bulk(@RequestParam(name = "ids", required = false) List<UUID> ids, @RequestParam String action, Authentication who,
            RedirectAttributes flash) {
        String me = signedIn.actor(who);
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("problem", "Vælg mindst én post.");
            return "redirect:/queue";
        }
        int done = 0;
        List<String> skipped = new ArrayList<>();
        for (UUID id : ids) {
            ReviewClaims.Claim claim = claims.claim(id, me);
            if (!(claim instanceof ReviewClaims.Claim.Granted)) {
                skipped.add(id.toString().substring(0, 8) + (claim instanceof ReviewClaims.Claim.Taken taken
                        ? " (taget af " + taken.reviewer() + ")" : ""));
                continue;
            }
            ReviewDecisions.Result result = switch (action) {
                case "claim" -> ReviewDecisions.Result.DONE;
                case "route-top" -> views.topLabel(id).map(label -> decisions.decide(id, label, me))
                        .orElse(ReviewDecisions.Result.UNKNOWN_LABEL);
                case "not-for-us" -> decisions.close(id, ReviewDecisions.Closing.NOT_FOR_US, me);
                case "spam" -> decisions.close(id, ReviewDecisions.Closing.SPAM, me);
                default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "ukendt handling");
            };
            if (result == ReviewDecisions.Result.DONE) {
                done++;
            } else {
                skipped.add(id.toString().substring(0, 8));
            }
        }
        flash.addFlashAttribute("message", switch (action) {
            case "claim" -> done + " poster taget.";
            case "route-top" -> done + " poster fordelt til deres første forslag.";
            case "not-for-us" -> done + " poster lukket som »ikke til os«.";
            default -> done + " poster lukket som spam.";
        } + (skipped.isEmpty() ? "" : " Sprunget over: " + String.join(", ", skipped) + "."));
        return "redirect:/queue";
    }

    @GetMapping("/recent")
    String recent(Model model) {
        model.addAttribute("rows", queries.recentlyAutoRouted());
        model.addAttribute("days", properties.recentDays());
        return "recent";
    }
}
