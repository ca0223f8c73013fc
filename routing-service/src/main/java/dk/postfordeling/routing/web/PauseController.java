package dk.postfordeling.routing.web;

import dk.postfordeling.routing.pause.RoutingPauses;
import dk.postfordeling.routing.policy.Pauses;
import dk.postfordeling.routing.security.SignedIn;
import dk.postfordeling.routing.table.RoutingTable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator stops automatic routing at once — for everything or for one destination — and
 * resumes it just as quickly, from the admin page. Mail then goes to a person with the reason given.
 */
@Controller
record PauseController(RoutingPauses pauses, RoutingTable table, SignedIn signedIn) {

    /** Longest reason kept: it is shown with every mail the pause sends to a person. */
    static final int REASON_LENGTH = 200;

    @PostMapping("/admin/routing/pause")
    String pause(@RequestParam(defaultValue = Pauses.EVERYTHING) String scope, @RequestParam(defaultValue = "") String reason,
            Authentication who, RedirectAttributes flash) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > REASON_LENGTH) {
            flash.addFlashAttribute("problem", "Skriv en begrundelse (højst " + REASON_LENGTH + " tegn); den vises ved hver post, der går til en medarbejder.");
            return "redirect:/admin#pause-h";
        }
        if (!known(scope)) {
            flash.addFlashAttribute("problem", "Rutetabellen har ingen modtager " + scope + ".");
            return "redirect:/admin#pause-h";
        }
        pauses.pause(scope, why, signedIn.actor(who));
        flash.addFlashAttribute("message", (scope.equals(Pauses.EVERYTHING) ? "Al automatisk fordeling"
                : "Automatisk fordeling til " + scope) + " er sat på pause. Posten går til en medarbejder.");
        return "redirect:/admin#pause-h";
    }

    @PostMapping("/admin/routing/resume")
    String resume(@RequestParam(defaultValue = Pauses.EVERYTHING) String scope, Authentication who, RedirectAttributes flash) {
        boolean resumed = pauses.resume(scope, signedIn.actor(who));
        flash.addFlashAttribute("message", !resumed ? "Der var ingen pause at ophæve."
                : (scope.equals(Pauses.EVERYTHING) ? "Automatisk fordeling" : "Automatisk fordeling til " + scope) + " kører igen.");
        return "redirect:/admin#pause-h";
    }

    private boolean known(String scope) {
        return scope.equals(Pauses.EVERYTHING) || table.destinationFor(scope).isPresent();
    }
}
