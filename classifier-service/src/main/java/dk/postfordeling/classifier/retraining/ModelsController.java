package dk.postfordeling.classifier.retraining;

import dk.postfordeling.classifier.model.ModelFiles;
import dk.postfordeling.classifier.model.ModelMetadata;
import dk.postfordeling.contracts.http.ModelCard;
import dk.postfordeling.contracts.http.ModelOverview;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        String currentVersion = currentVersion();
        List<ModelOverview.Version> versions = new ArrayList<>();
        for (Path dir : retraining.repository().versions()) {
            ModelMetadata metadata = ModelFiles.readMetadata(dir);
            Optional<ShadowEvaluation> shadow = retraining.evaluationOf(dir);
            versions.add(new ModelOverview.Version(metadata.modelVersion(), metadata.trainedAt(), metadata.data().rows(),
                    metadata.data().source(), metadata.data().sample(), metadata.labels().size(),
                    metadata.modelVersion().equals(currentVersion), expected(metadata).orElse(null),
                    shadow.map(ShadowEvaluation::trainedOnDecisions).orElse(null), shadow.map(ModelsController::shadow).orElse(null)));
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

    /**
     * One version's model card facts: its provenance, how it was taken into use and the version
     * before it. 404 for a version this classifier does not have.
     */
    @GetMapping("/{version}/card")
    ResponseEntity<ModelCard> card(@org.springframework.web.bind.annotation.PathVariable String version) throws IOException {
        Path root = retraining.repository().root();
        List<ModelMetadata> all = new ArrayList<>();
        for (Path dir : retraining.repository().versions()) {
            all.add(ModelFiles.readMetadata(dir));
        }
        // Only a version listed in the model directory, so the path never reaches outside it.
        Optional<ModelMetadata> found = all.stream().filter(m -> m.modelVersion().equals(version)).findFirst();
        if (found.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        ModelMetadata metadata = found.get();
        String currentVersion = currentVersion();
        Optional<ShadowEvaluation> shadow = retraining.evaluationOf(root.resolve(metadata.modelVersion()));
        Optional<ModelOverview.Expected> expected = expected(metadata);
        ModelCard.Previous previous = all.stream().filter(m -> m.trainedAt().isBefore(metadata.trainedAt()))
                .max(Comparator.comparing(ModelMetadata::trainedAt))
                .map(m -> new ModelCard.Previous(m.modelVersion(), m.trainedAt(), m.data().rows(), m.data().perLabel(),
                        expected(m).map(ModelOverview.Expected::routedShare).orElse(null),
                        expected(m).map(ModelOverview.Expected::precision).orElse(null)))
                .orElse(null);
        Map<String, ModelCard.Slice> slices = null;
        if (metadata.slices() != null) {
            slices = new LinkedHashMap<>();
            for (Map.Entry<String, ModelMetadata.SliceFigures> slice : metadata.slices().entrySet()) {
                slices.put(slice.getKey(), new ModelCard.Slice(slice.getValue().examples(), slice.getValue().accuracy(),
                        slice.getValue().routedShare()));
            }
        }
        return ResponseEntity.ok(new ModelCard(metadata.modelVersion(), metadata.trainedAt(), metadata.modelVersion().equals(currentVersion),
                metadata.data().source(), metadata.data().sample(), metadata.data().sha256(), metadata.data().rows(),
                metadata.data().perLabel(), shadow.map(ShadowEvaluation::trainedOnDecisions).orElse(null), metadata.evaluation(),
                metadata.temperature(), metadata.thresholds(), expected.orElse(null), slices,
                metadata.meaning() == null ? null : metadata.meaning().spec().name(),
                shadow.map(ModelsController::shadow).orElse(null), previous, metadata.libraries()));
    }

    private String currentVersion() throws IOException {
        return retraining.repository().current().map(dir -> dir.getFileName().toString()).orElse(null);
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
