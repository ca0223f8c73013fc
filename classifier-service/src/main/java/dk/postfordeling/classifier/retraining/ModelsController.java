package dk.postfordeling.classifier.retraining;

import dk.postfordeling.classifier.model.ModelFiles;
import dk.postfordeling.classifier.model.ModelMetadata;
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
    Map<String, Object> models() throws IOException {
        Path root = retraining.repository().root();
        Optional<Path> current = retraining.repository().current();
        String currentVersion = current.map(dir -> dir.getFileName().toString()).orElse(null);
        List<Map<String, Object>> versions = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("model.json"))).toList()) {
                ModelMetadata metadata = ModelFiles.readMetadata(dir);
                Map<String, Object> version = new LinkedHashMap<>();
                version.put("version", metadata.modelVersion());
                version.put("trainedAt", metadata.trainedAt());
                version.put("rows", metadata.data().rows());
                version.put("source", metadata.data().source());
                version.put("sample", metadata.data().sample());
                version.put("labels", metadata.labels().size());
                version.put("current", metadata.modelVersion().equals(currentVersion));
                expected(metadata).ifPresent(expected -> version.put("expected", expected));
                retraining.evaluationOf(dir).ifPresent(shadow -> {
                    version.put("feedbackRows", shadow.trainedOnDecisions());
                    version.put("shadow", shadow);
                });
                versions.add(version);
            }
        }
        versions.sort(Comparator.comparing((Map<String, Object> v) -> v.get("trainedAt").toString()).reversed());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("current", currentVersion);
        answer.put("retraining", retraining.status().message());
        answer.put("retrainingState", retraining.status().state());
        answer.put("versions", versions.subList(0, Math.min(VERSIONS, versions.size())));
        return answer;
    }

    /**
     * What the model is expected to route, known before it is used: the share of its training mail
     * its thresholds routed in cross-validation (scores of models that had not seen that mail) and the
     * precision of that routing, at the target precision it was trained for; per label also at each
     * destination bar, so the workbench can show each destination's figures at its own
     * {@code target-precision}.
     */
    static Optional<Map<String, Object>> expected(ModelMetadata metadata) {
        Map<String, Double> evaluation = metadata.evaluation();
        if (evaluation == null || !evaluation.containsKey("crossValidatedAutoRoutedShare") || metadata.training() == null) {
            return Optional.empty();
        }
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("targetPrecision", metadata.training().targetPrecision());
        expected.put("routedShare", evaluation.get("crossValidatedAutoRoutedShare"));
        expected.put("precision", evaluation.get("crossValidatedAutoRoutedPrecision"));
        if (metadata.expectation() != null) {
            Map<String, Object> perLabel = new LinkedHashMap<>();
            metadata.expectation().perLabel().forEach((label, figures) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("predicted", figures.predicted());
                row.put("routed", figures.routed());
                row.put("routedCorrect", figures.routedCorrect());
                Map<String, Object> bars = new LinkedHashMap<>();
                for (ModelMetadata.AtBar bar : figures.atBars()) {
                    bars.put(Double.toString(bar.bar()), Map.of("routed", bar.routed(), "routedCorrect", bar.routedCorrect()));
                }
                row.put("atBars", bars);
                perLabel.put(label, row);
            });
            expected.put("perLabel", perLabel);
        }
        return Optional.of(expected);
    }

    @PostMapping("/retraining")
    ResponseEntity<Map<String, Object>> retrain() {
        if (retraining.start()) {
            return ResponseEntity.accepted().body(Map.of("message", "Genoptræning startet; resultatet vises her, når den er færdig."));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", "En genoptræning kører allerede."));
    }
}
