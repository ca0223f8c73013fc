package dk.postfordeling.routing.web;

import dk.postfordeling.routing.pause.RoutingPauses;
import dk.postfordeling.routing.security.Role;
import dk.postfordeling.routing.security.SignedIn;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every workbench page's header needs: who is signed in, which of the menu's pages they may
 * open (the same role hierarchy the access rules use), and whether automatic routing is paused.
 */
@ControllerAdvice(basePackageClasses = SignedInModel.class)
class SignedInModel {

    private final SignedIn signedIn;
    private final RoutingPauses pauses;

    SignedInModel(SignedIn signedIn, RoutingPauses pauses) {
        this.signedIn = signedIn;
        this.pauses = pauses;
    }

    @ModelAttribute
    void signedIn(Model model, Authentication who) {
        if (who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)) {
            model.addAttribute("me", signedIn.actor(who));
            model.addAttribute("isAdmin", signedIn.has(who, Role.ADMIN));
            model.addAttribute("isOps", signedIn.has(who, Role.OPS));
            model.addAttribute("isReviewer", signedIn.has(who, Role.REVIEWER));
            // Shown on every page while automatic routing is paused anywhere.
            model.addAttribute("pauses", pauses.current());
        }
    }
}
