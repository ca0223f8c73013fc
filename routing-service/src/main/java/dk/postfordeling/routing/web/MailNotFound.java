package dk.postfordeling.routing.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The 404 of the workbench's mail pages, with its Danish message. */
final class MailNotFound {

    private MailNotFound() {
    }

    static ResponseStatusException because(String danish) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, danish);
    }

    static ResponseStatusException noSuchMail() {
        return because("Der er ingen post med dette id.");
    }
}
