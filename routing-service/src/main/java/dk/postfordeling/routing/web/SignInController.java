package dk.postfordeling.routing.web;

import dk.postfordeling.routing.security.Role;
import dk.postfordeling.routing.security.SecurityProperties;
import dk.postfordeling.routing.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** The sign-in page, and the start page each role lands on. */
@Controller
record SignInController(SignedIn signedIn, SecurityProperties security) {

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidc", security.oidc().enabled());
        return "login";
    }

    /** Reviewers (and admins) land on the queue, ops on the ops page. */
    @GetMapping("/")
    String home(Authentication who) {
        if (signedIn.has(who, Role.REVIEWER)) {
            return "redirect:/queue";
        }
        if (signedIn.has(who, Role.OPS)) {
            return "redirect:/ops";
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
}
