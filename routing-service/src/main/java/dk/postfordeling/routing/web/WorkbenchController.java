package dk.postfordeling.routing.web;

import dk.postfordeling.routing.review.ReviewQueue;
import dk.postfordeling.routing.workbench.PdfPages;

import dk.postfordeling.routing.review.ReviewClaims;
import dk.postfordeling.routing.security.SecurityProperties;
import dk.postfordeling.routing.security.SignedIn;
import dk.postfordeling.routing.table.RoutingTable;
import dk.postfordeling.routing.workbench.Highlighter;
import dk.postfordeling.routing.workbench.MailViews;
import dk.postfordeling.routing.workbench.Originals;
import dk.postfordeling.routing.workbench.ReviewDecisions;
import dk.postfordeling.routing.workbench.WorkbenchProperties;
import dk.postfordeling.routing.workbench.WorkbenchQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review workbench in the browser, in Danish: the queue, one mail with its original, text,
 * suggestions and explanation, decisions with undo, corrections of auto-routed mail, and the
 * transparency page. Pages are rendered on the server; every form carries a CSRF token.
 */
@Controller
class WorkbenchController {

    private final WorkbenchQueries queries;
    private final MailViews views;
    private final Originals originals;
    private final ReviewClaims claims;
    private final ReviewDecisions decisions;
    private final RoutingTable table;
    private final SignedIn signedIn;
    private final WorkbenchProperties properties;
    private final SecurityProperties security;

    WorkbenchController(WorkbenchQueries queries, MailViews views, Originals originals, ReviewClaims claims,
            ReviewDecisions decisions, RoutingTable table, SignedIn signedIn, WorkbenchProperties properties,
            SecurityProperties security) {
        this.queries = queries;
        this.views = views;
        this.originals = originals;
        this.claims = claims;
        this.decisions = decisions;
        this.table = table;
        this.signedIn = signedIn;
        this.properties = properties;
        this.security = security;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidc", security.oidc().enabled());
        return "login";
    }

    /** Each role lands on its own start page: reviewers (and admins) on the queue, ops on the ops page. */
    @GetMapping("/")
    String home(Authentication who) {
        if (signedIn.has(who, dk.postfordeling.routing.security.Role.REVIEWER)) {
            return "redirect:/queue";
        }
        if (signedIn.has(who, dk.postfordeling.routing.security.Role.OPS)) {
            return "redirect:/ops";
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }

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

    /** The mail's audited view for a page, or 404 when there is no such mail. */
    private MailViews.MailView viewForPage(UUID mailId, Authentication who, String page) {
        return views.view(mailId, signedIn.actor(who), page)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Der er ingen post med dette id."));
    }

    @GetMapping("/mail/{mailId}")
    String mail(@PathVariable UUID mailId, Authentication who, Model model) {
        MailViews.MailView view = viewForPage(mailId, who, "mail page");
        model.addAttribute("view", view);
        model.addAttribute("mail", view.classified());
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

    @GetMapping("/mail/{mailId}/original")
    ResponseEntity<byte[]> original(@PathVariable UUID mailId, Authentication who) {
        String ref = views.originalRef(mailId, signedIn.actor(who), "original")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return originals.original(ref, mailId.toString()).map(WorkbenchController::download)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Originalen findes ikke længere."));
    }

    @GetMapping("/mail/{mailId}/attachments/{index}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID mailId, @PathVariable int index, Authentication who) {
        String ref = views.originalRef(mailId, signedIn.actor(who), "attachment " + index)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return originals.attachment(ref, index).map(WorkbenchController::download)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Bilaget findes ikke."));
    }

    /** Page {@code page} of a PDF original (a scanned letter) as an image. */
    @GetMapping(value = "/mail/{mailId}/original/pages/{page}", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> originalPage(@PathVariable UUID mailId, @PathVariable int page, Authentication who) {
        String ref = views.originalRef(mailId, signedIn.actor(who), "original page " + page)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return originals.original(ref, mailId.toString()).filter(Originals.Content::inline)
                .flatMap(pdf -> PdfPages.png(pdf.bytes(), page)).map(WorkbenchController::image)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Siden findes ikke."));
    }

    /** Page {@code page} of a PDF attachment as an image. */
    @GetMapping(value = "/mail/{mailId}/attachments/{index}/pages/{page}", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> attachmentPage(@PathVariable UUID mailId, @PathVariable int index, @PathVariable int page,
            Authentication who) {
        String ref = views.originalRef(mailId, signedIn.actor(who), "attachment " + index + " page " + page)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return originals.attachment(ref, index).filter(Originals.Content::inline)
                .flatMap(pdf -> PdfPages.png(pdf.bytes(), page)).map(WorkbenchController::image)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Siden findes ikke."));
    }

    private static ResponseEntity<byte[]> image(byte[] png) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header(HttpHeaders.CACHE_CONTROL, "no-store").body(png);
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

    @GetMapping("/recent")
    String recent(Model model) {
        model.addAttribute("rows", queries.recentlyAutoRouted());
        model.addAttribute("days", properties.recentDays());
        return "recent";
    }

    @GetMapping("/mail/{mailId}/why")
    String transparency(@PathVariable UUID mailId, Authentication who, Model model) {
        MailViews.MailView view = viewForPage(mailId, who, "transparency page");
        model.addAttribute("view", view);
        model.addAttribute("mail", view.classified());
        model.addAttribute("state", HandlingState.of(view));
        return "transparency";
    }

    @GetMapping(value = "/mail/{mailId}/why.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> transparencyJson(@PathVariable UUID mailId, Authentication who) {
        MailViews.MailView view = views.view(mailId, signedIn.actor(who), "transparency export")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("mailId", mailId);
        record.put("channel", view.classified().channel());
        record.put("classifiedAt", view.classified().classifiedAt());
        record.put("modelVersion", view.classified().modelVersion());
        record.put("modelDecision", view.classified().decision());
        record.put("topLabels", ReviewQueue.suggestions(view.classified()));
        record.put("modelReasons", view.classified().reasons());
        record.put("explanation", view.classified().explanation());
        record.put("senderHints", view.classified().hints());
        view.review().ifPresent(review -> record.put("review", review));
        view.outcome().ifPresent(outcome -> record.put("outcome", outcome));
        record.put("state", HandlingState.of(view));
        record.put("history", view.history());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("fordeling-" + mailId + ".json").build().toString())
                .body(record);
    }
}
