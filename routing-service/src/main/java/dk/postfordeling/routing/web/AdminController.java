package dk.postfordeling.routing.web;

import dk.postfordeling.contracts.http.ModelOverview;
import dk.postfordeling.routing.dispatch.RoutingTasks;
import dk.postfordeling.routing.table.InvalidRoutingTableException;
import dk.postfordeling.routing.table.Route;
import dk.postfordeling.routing.table.RoutingTable;
import dk.postfordeling.routing.table.RoutingTableFile;
import dk.postfordeling.routing.workbench.ClassifierModels;
import dk.postfordeling.routing.workbench.WorkbenchQueries;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for ADMIN (routing table, dead letters, the classifier's models and retraining) and for
 * OPS (backlog and automation at a glance). Neither shows mail content.
 */
@Controller
class AdminController {

    private final RoutingTable table;
    private final RoutingTableFile tableFile;
    private final RoutingTasks tasks;
    private final WorkbenchQueries queries;
    private final ClassifierModels models;
    private final dk.postfordeling.routing.deadletter.PipelineDeadLetters pipelineDeadLetters;
    private final dk.postfordeling.routing.deadletter.DeadLetterListener replays;
    private final dk.postfordeling.routing.report.LiveSlices slices;

    AdminController(RoutingTable table, RoutingTableFile tableFile, RoutingTasks tasks, WorkbenchQueries queries,
            ClassifierModels models, dk.postfordeling.routing.deadletter.PipelineDeadLetters pipelineDeadLetters,
            dk.postfordeling.routing.deadletter.DeadLetterListener replays, dk.postfordeling.routing.report.LiveSlices slices) {
        this.slices = slices;
        this.pipelineDeadLetters = pipelineDeadLetters;
        this.replays = replays;
        this.table = table;
        this.tableFile = tableFile;
        this.tasks = tasks;
        this.queries = queries;
        this.models = models;
    }

    @GetMapping("/admin")
    String admin(Model model, Authentication who) {
        Map<String, String> routes = new TreeMap<>();
        table.routes().forEach((key, route) -> routes.put(key, describe(route)));
        model.addAttribute("routes", routes);
        model.addAttribute("destinationKeys", table.routes().values().stream()
                .filter(Route.ToDestination.class::isInstance).map(Route::key).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("deadLetters", tasks.deadLetters());
        model.addAttribute("pipelineDeadLetters", pipelineDeadLetters.open());
        ClassifierModels.Overview overview = models.overview();
        model.addAttribute("models", overview);
        model.addAttribute("expectedPerDestination", expectedPerDestination(overview));
        return "admin";
    }

    /** One model version's expected figures per destination. */
    record VersionExpectation(String version, boolean current, List<ExpectedPerDestination.Row> rows) {
    }

    /** The model in use and, if a newer version is not in use, that one too: what promoting it would mean. */
    private List<VersionExpectation> expectedPerDestination(ClassifierModels.Overview overview) {
        List<VersionExpectation> shown = new java.util.ArrayList<>();
        List<ModelOverview.Version> versions = overview.versions();
        for (int i = 0; i < versions.size(); i++) {
            ModelOverview.Version version = versions.get(i);
            if (version.current() || i == 0) {
                List<ExpectedPerDestination.Row> rows = ExpectedPerDestination.of(version, table.routes());
                if (!rows.isEmpty()) {
                    shown.add(new VersionExpectation(version.version(), version.current(), rows));
                }
            }
        }
        return shown;
    }

    @PostMapping("/admin/routing-table/reload")
    String reload(RedirectAttributes flash) {
        try {
            Map<String, Integer> result = tableFile.reload();
            flash.addFlashAttribute("message", "Rutetabellen er genindlæst: " + result);
        } catch (InvalidRoutingTableException e) {
            flash.addFlashAttribute("problem", "Rutetabellen blev ikke indlæst: " + e.getMessage());
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/dead-letters/replay")
    String replay(RedirectAttributes flash) {
        flash.addFlashAttribute("message", tasks.replay(null) + " post(er) sendt til fordeling igen.");
        return "redirect:/admin";
    }

    @PostMapping("/admin/pipeline-dead-letters/{id}/replay")
    String replayPipeline(@org.springframework.web.bind.annotation.PathVariable long id, RedirectAttributes flash) {
        flash.addFlashAttribute("message", replays.replay(id) ? "Sendt igen." : "Intet at sende igen.");
        return "redirect:/admin";
    }

    @PostMapping("/admin/models/retrain")
    String retrain(RedirectAttributes flash) {
        ClassifierModels.Answer answer = models.retrain();
        flash.addFlashAttribute(answer.ok() ? "message" : "problem", answer.message());
        return "redirect:/admin";
    }

    @GetMapping("/ops")
    String ops(Model model) {
        model.addAttribute("backlog", queries.backlog());
        List<WorkbenchQueries.Day> daily = queries.daily(14);
        model.addAttribute("daily", daily);
        model.addAttribute("chart", Chart.of(daily));
        model.addAttribute("mailboxes", queries.mailboxes());
        model.addAttribute("slices", slices.view());
        return "ops";
    }

    private static String describe(Route route) {
        if (route instanceof Route.ToDestination destination) {
            return destination.type() + " " + destination.target()
                    + (destination.targetPrecision() == null ? "" : " (kræver " + dk.postfordeling.platform.text.Percent.threshold(destination.targetPrecision()) + " %)");
        }
        return "altid en medarbejder";
    }

}
