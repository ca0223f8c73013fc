package dk.postfordeling.classifier.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/** The bundled sample data, and the model the service trains from it, for tests. */
public final class SampleModel {

    /** The sample model, trained once per test JVM (training takes most of a minute here). */
    private static Path trained;

    private SampleModel() {
    }

    /**
     * A model directory of its own whose current model is the one the service trains from the bundled
     * sample when it starts without a model (the same data, options and encoder): trained once per
     * test JVM, copied for each caller, so a test may retrain or replace it freely.
     */
    public static synchronized Path freshModelDirectory() {
        try {
            if (trained == null) {
                Path dir = Files.createTempDirectory("postfordeling-sample-model-");
                ModelRepository repository = new ModelRepository(dir);
                ModelMetadata metadata = new ModelTrainer(Clock.systemUTC()).train(sampleData(), TrainingOptions.defaults(),
                        FeatureConfig.defaults(), "bundled-sample", true, "sample-da", dir);
                repository.makeCurrent(metadata.modelVersion());
                trained = dir;
            }
            Path copy = Files.createTempDirectory("postfordeling-model-dir-");
            try (Stream<Path> files = Files.walk(trained)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(trained.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<LabelledText> sampleData() {
        try (InputStream in = SampleModel.class.getResourceAsStream("/sample-data/sample-mails-da.csv")) {
            return TrainingDataFiles.readCsv(in, "bundled-sample");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
