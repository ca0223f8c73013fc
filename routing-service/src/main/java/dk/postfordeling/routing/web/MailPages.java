package dk.postfordeling.routing.web;

import dk.postfordeling.routing.workbench.MailViews;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** What the workbench's pages of one mail share: opening its audited view, and their Danish 404s. */
final class MailPages {

    private MailPages() {
    }

    /** The mail's view for {@code page} (the opening is audited), put in the model as {@code view} and {@code mail}. */
    static MailViews.MailView open(MailViews views, UUID mailId, String actor, String page, Model model) {
        MailViews.MailView view = views.view(mailId, actor, page).orElseThrow(MailPages::noSuchMail);
        model.addAttribute("view", view);
        model.addAttribute("mail", view.classified());
        return view;
    }

    static ResponseStatusException notFound(String danish) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, danish);
    }

    static ResponseStatusException noSuchMail() {
        return notFound("Der er ingen post med dette id.");
    }
}
