package dk.postfordeling.classifier.retraining;

import dk.postfordeling.classifier.model.ModelFiles;
import dk.postfordeling.classifier.model.ModelMetadata;
import dk.postfordeling.contracts.http.ModelOverview;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The classifier's models for the workbench's admin page: versions (newest first) with provenance and,
 * for retrained ones, the shadow evaluation against the model that was in use; and retraining on
 * demand. Figures and versions only, never mail content. Meant for the internal network: people reach
 * it through the workbench, which admits only ADMINs.
 */
@RestController
@RequestMapping("/api/v1/models")
class ModelsController {

    private static final int VERSIONS = 20;

    private final Retraining retraining;

    ModelsController(Retraining retraining) {
        this.retraining = retraining;
    }

    @GetMapping
    ModelOverview models() throws IOException {
        Path root = retraining.repository().root();
        String currentVersion = retraining.repository().current().map(dir -> dir.getFileName().toString()).orElse(null);
        List<ModelOverview.Version> versions = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("model.json"))).toList()) {
                ModelMetadata metadata = ModelFiles.readMetadata(dir);
                Optional<ShadowEvaluation> shadow = retraining.evaluationOf(dir);
                versions.add(new ModelOverview.Version(metadata.modelVersion(), metadata.trainedAt(), metadata.data().rows(),
                        metadata.data().source(), metadata.data().sample(), metadata.labels().size(),
                        metadata.modelVersion().equals(currentVersion), expected(metadata).orElse(null),
                        shadow.map(ShadowEvaluation::trainedOnDecisions).orElse(null), shadow.map(ModelsController::shadow).orElse(null)));
            }
        }
        versions.sort(Comparator.comparing(ModelOverview.Version::trainedAt).reversed());
        return new ModelOverview(currentVersion, retraining.status().message(), retraining.status().state(),
                versions.subList(0, Math.min(VERSIONS, versions.size())));
    }

    /**
     * What the model is expected to route, known before it is used: the share of its training mail
     * its thresholds routed in cross-validation (scores of models that had not seen that mail) and the
     * precision of that routing, at the target precision it was trained for; per label also at each
     * destination bar, so the workbench can show each destination's figures at its own
     * {@code target-precision}.
     */
    static Optional<ModelOverview.Expected> expected(ModelMetadata metadata) {
        Map<String, Double> evaluation = metadata.evaluation();
        if (evaluation == null || !evaluation.containsKey("crossValidatedAutoRoutedShare") || metadata.training() == null) {
            return Optional.empty();
        }
        Map<String, ModelOverview.LabelFigures> perLabel = null;
        if (metadata.expectation() != null) {
            perLabel = new LinkedHashMap<>();
            for (Map.Entry<String, ModelMetadata.LabelExpectation> label : metadata.expectation().perLabel().entrySet()) {
                Map<String, ModelOverview.Routed> bars = new LinkedHashMap<>();
                for (ModelMetadata.AtBar bar : label.getValue().atBars()) {
                    bars.put(Double.toString(bar.bar()), new ModelOverview.Routed(bar.routed(), bar.routedCorrect()));
                }
                perLabel.put(label.getKey(), new ModelOverview.LabelFigures(label.getValue().predicted(), label.getValue().routed(),
                        label.getValue().routedCorrect(), bars));
            }
        }
        return Optional.of(new ModelOverview.Expected(metadata.training().targetPrecision(),
                evaluation.get("crossValidatedAutoRoutedShare"), evaluation.get("crossValidatedAutoRoutedPrecision"), perLabel));
    }

    private static ModelOverview.Shadow shadow(ShadowEvaluation s) {
        return new ModelOverview.Shadow(s.candidateVersion(), s.currentVersion(), s.examples(), s.candidateAccuracy(),
                s.currentAccuracy(), s.candidateWronglyRouted(), s.currentWronglyRouted(), s.candidateRoutedShare(),
                s.currentRoutedShare(), s.trainedOnDecisions(), s.verdict().name(), s.evaluatedAt());
    }

    @PostMapping("/retraining")
    ResponseEntity<ModelOverview.RetrainingAnswer> retrain() {
        if (retraining.start()) {
            return ResponseEntity.accepted().body(new ModelOverview.RetrainingAnswer(
                    "Genoptræning startet; resultatet vises her, når den er færdig."));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ModelOverview.RetrainingAnswer("En genoptræning kører allerede."));
    }
}
