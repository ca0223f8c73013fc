package dk.postfordeling.routing.web;

import dk.postfordeling.routing.security.SignedIn;
import dk.postfordeling.routing.workbench.MailViews;
import dk.postfordeling.routing.workbench.Originals;
import dk.postfordeling.routing.workbench.PdfPages;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A mail's original and attachments, each reading audited: files as downloads only, PDF pages as
 * images rendered on the server, so no script in a citizen's file reaches a reviewer's browser.
 */
@RestController
record OriginalsController(MailViews views, Originals originals, SignedIn signedIn) {

    @GetMapping("/mail/{mailId}/original")
    ResponseEntity<byte[]> original(@PathVariable UUID mailId, Authentication who) {
        return originals.original(ref(mailId, who, "original"), mailId.toString()).map(OriginalsController::download)
                .orElseThrow(() -> MailPages.notFound("Originalen findes ikke længere."));
    }

    @GetMapping("/mail/{mailId}/attachments/{index}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID mailId, @PathVariable int index, Authentication who) {
        return originals.attachment(ref(mailId, who, "attachment " + index), index).map(OriginalsController::download)
                .orElseThrow(() -> MailPages.notFound("Bilaget findes ikke."));
    }

    /** Page {@code page} of a PDF original (a scanned letter) as an image. */
    @GetMapping(value = "/mail/{mailId}/original/pages/{page}", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> originalPage(@PathVariable UUID mailId, @PathVariable int page, Authentication who) {
        return page(originals.original(ref(mailId, who, "original page " + page), mailId.toString()), page);
    }

    /** Page {@code page} of a PDF attachment as an image. */
    @GetMapping(value = "/mail/{mailId}/attachments/{index}/pages/{page}", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> attachmentPage(@PathVariable UUID mailId, @PathVariable int index, @PathVariable int page,
            Authentication who) {
        return page(originals.attachment(ref(mailId, who, "attachment " + index + " page " + page), index), page);
    }

    /** The mail's original, its reading audited as {@code what}. */
    private String ref(UUID mailId, Authentication who, String what) {
        return views.originalRef(mailId, signedIn.actor(who), what).orElseThrow(MailPages::noSuchMail);
    }

    private static ResponseEntity<byte[]> page(Optional<Originals.Content> file, int page) {
        return file.filter(Originals.Content::inline).flatMap(pdf -> PdfPages.png(pdf.bytes(), page))
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(png))
                .orElseThrow(() -> MailPages.notFound("Siden findes ikke."));
    }

    /**
     * A file is always a download, never opened in the workbench's origin; should a browser open it
     * anyway, the sandbox policy keeps its scripts from running and from reaching the workbench.
     */
    private static ResponseEntity<byte[]> download(Originals.Content content) {
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }
}
