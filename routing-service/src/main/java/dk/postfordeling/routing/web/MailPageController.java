package dk.postfordeling.routing.web;

import dk.postfordeling.routing.review.ReviewClaims;
import dk.postfordeling.routing.review.ReviewQueue;
import dk.postfordeling.routing.security.SignedIn;
import dk.postfordeling.routing.table.RoutingTable;
import dk.postfordeling.routing.workbench.Highlighter;
import dk.postfordeling.routing.workbench.MailViews;
import dk.postfordeling.routing.workbench.Originals;
import dk.postfordeling.routing.workbench.ReviewDecisions;
import dk.postfordeling.routing.workbench.WorkbenchProperties;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One mail in the workbench, in Danish: its original, text, suggestions and explanation, and what a
 * person decides on it — claim, release, route, close, correct, undo. Pages are rendered on the
 * server; every form carries a CSRF token.
 */
@Controller
record MailPageController(MailViews views, Originals originals, ReviewClaims claims, ReviewDecisions decisions, RoutingTable table, SignedIn signedIn, WorkbenchProperties properties) {

    @GetMapping("/mail/{mailId}")
    String mail(@PathVariable UUID mailId, Authentication who, Model model) {
        MailViews.MailView view = MailPages.open(views, mailId, signedIn.actor(who), "mail page", model);
        // The mail's own language (ISO 639-1 from intake) on its text, so screen readers read it aloud correctly.
        String language = view.classified().content() == null ? null : view.classified().content().language();
        model.addAttribute("mailLang", language == null || language.isBlank() || language.equals("und") ? null : language);
        Originals.Summary original = originals.summary(view.classified().originalRef());
        model.addAttribute("original", original);
        model.addAttribute("pdfPages", originals.pdfPages(view.classified().originalRef()));
        String text = view.classified().content() == null ? null : view.classified().content().text();
        model.addAttribute("segments", Highlighter.segments(text,
                view.classified().explanation() == null ? List.of() : view.classified().explanation().phrases()));
        model.addAttribute("suggestions", ReviewQueue.suggestions(view.classified()).stream().limit(3).toList());
        model.addAttribute("labels", table.routes().keySet().stream().sorted().toList());
        model.addAttribute("mine", view.review().map(r -> "CLAIMED".equals(r.status()) && signedIn.actor(who).equals(r.claimedBy()))
                .orElse(false));
        model.addAttribute("correctable", view.review().map(r -> "DONE".equals(r.status())).orElse(true)
                && view.outcome().map(o -> "ROUTED".equals(o.outcome())).orElse(false) && !view.pending());
        return "mail";
    }

    @PostMapping("/mail/{mailId}/claim")
    String claim(@PathVariable UUID mailId, Authentication who, RedirectAttributes flash) {
        ReviewClaims.Claim claim = claims.claim(mailId, signedIn.actor(who));
        if (claim instanceof ReviewClaims.Claim.Taken taken) {
            flash.addFlashAttribute("problem", "Posten er allerede taget af " + taken.reviewer() + ".");
        } else if (claim instanceof ReviewClaims.Claim.Decided) {
            flash.addFlashAttribute("problem", "Posten er allerede fordelt.");
        } else if (claim instanceof ReviewClaims.Claim.Unknown) {
            flash.addFlashAttribute("problem", "Der er ingen post med dette id i køen.");
        }
        return "redirect:/mail/" + mailId;
    }

    @PostMapping("/mail/{mailId}/release")
    String release(@PathVariable UUID mailId, Authentication who, RedirectAttributes flash) {
        if (claims.release(mailId, signedIn.actor(who))) {
            flash.addFlashAttribute("message", "Posten er lagt tilbage i køen.");
            return "redirect:/queue";
        }
        flash.addFlashAttribute("problem", "Du har ikke taget denne post.");
        return "redirect:/mail/" + mailId;
    }

    @PostMapping("/mail/{mailId}/route")
    String route(@PathVariable UUID mailId, @RequestParam String label, Authentication who, RedirectAttributes flash) {
        ReviewDecisions.Result result = decisions.decide(mailId, label.strip(), signedIn.actor(who));
        return afterDecision(mailId, result, "Posten er fordelt til " + label.strip() + ".", flash);
    }

    @PostMapping("/mail/{mailId}/close")
    String close(@PathVariable UUID mailId, @RequestParam String reason, Authentication who, RedirectAttributes flash) {
        ReviewDecisions.Closing closing = "SPAM".equals(reason) ? ReviewDecisions.Closing.SPAM : ReviewDecisions.Closing.NOT_FOR_US;
        ReviewDecisions.Result result = decisions.close(mailId, closing, signedIn.actor(who));
        return afterDecision(mailId, result, closing == ReviewDecisions.Closing.SPAM
                ? "Posten er lukket som spam." : "Posten er lukket som »ikke til os«.", flash);
    }

    @PostMapping("/mail/{mailId}/correct")
    String correct(@PathVariable UUID mailId, @RequestParam String label, Authentication who, RedirectAttributes flash) {
        ReviewDecisions.Result result = decisions.correct(mailId, label.strip(), signedIn.actor(who));
        if (result != ReviewDecisions.Result.DONE) {
            flash.addFlashAttribute("problem", problem(result));
            return "redirect:/mail/" + mailId;
        }
        flash.addFlashAttribute("message", "Rettet: posten fordeles igen til " + label.strip() + ".");
        flash.addFlashAttribute("undo", mailId);
        return "redirect:/recent";
    }

    @PostMapping("/mail/{mailId}/undo")
    String undo(@PathVariable UUID mailId, Authentication who, RedirectAttributes flash) {
        ReviewDecisions.Result result = decisions.undo(mailId, signedIn.actor(who));
        if (result == ReviewDecisions.Result.DONE) {
            flash.addFlashAttribute("message", "Fortrudt.");
        } else {
            flash.addFlashAttribute("problem", problem(result));
        }
        return "redirect:/mail/" + mailId;
    }

    private String afterDecision(UUID mailId, ReviewDecisions.Result result, String message, RedirectAttributes flash) {
        if (result != ReviewDecisions.Result.DONE) {
            flash.addFlashAttribute("problem", problem(result));
            return "redirect:/mail/" + mailId;
        }
        flash.addFlashAttribute("message", message);
        flash.addFlashAttribute("undo", mailId);
        return "redirect:/queue";
    }

    private String problem(ReviewDecisions.Result result) {
        return switch (result) {
            case NOT_YOUR_CLAIM -> "Du har ikke taget denne post; tag den først.";
            case UNKNOWN_LABEL -> "Rutetabellen kender ikke den modtager.";
            case UNKNOWN_MAIL -> "Der er ingen post med dette id.";
            case NOT_ROUTED -> "Posten er ikke fordelt endnu og kan ikke rettes.";
            case SAME_LABEL -> "Posten er allerede fordelt dertil.";
            case TOO_LATE -> "For sent at fortryde (mere end " + properties.undoWindow().toSeconds() + " sekunder); ret posten i stedet.";
            case DONE -> "";
        };
    }
}
