package dk.postfordeling.routing.web;

import dk.postfordeling.contracts.http.ModelCard;
import dk.postfordeling.routing.workbench.ClassifierModels;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The model card of a model version for ADMIN: a Danish page, printable, and the same as a PDF. */
@Controller
record ModelCardController(ClassifierModels models) {

    @GetMapping("/admin/models/{version}/card")
    String page(@PathVariable String version, Model model) {
        ModelCard card = models.card(version).orElseThrow(MailPages::noSuchMail);
        model.addAttribute("card", ModelCardView.of(card));
        model.addAttribute("version", card.version());
        return "modelcard";
    }

    @GetMapping("/admin/models/{version}/card.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String version) throws IOException {
        ModelCard card = models.card(version).orElseThrow(MailPages::noSuchMail);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("modelkort-" + card.version().replaceAll("[^\\w.-]", "_") + ".pdf").build().toString())
                .body(ModelCardPdf.of(ModelCardView.of(card)));
    }
}
