package dk.postfordeling.classifier.serving;

import dk.postfordeling.classifier.ClassifierProperties;
import dk.postfordeling.classifier.model.LabelledText;
import dk.postfordeling.classifier.model.ModelMetadata;
import dk.postfordeling.classifier.model.ModelRepository;
import dk.postfordeling.classifier.model.ModelTrainer;
import dk.postfordeling.classifier.model.TextClassifier;
import dk.postfordeling.classifier.model.TrainingDataFiles;
import dk.postfordeling.classifier.model.TrainingOptions;
import dk.postfordeling.classifier.model.FeatureConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The model the service predicts with. Loaded from the model directory at start-up; when the
 * directory is empty and bootstrapping is enabled, a first model is trained from the bundled
 * SAMPLE data (and the log says so). {@link #switchTo} replaces the model between two messages,
 * so no message is dropped or classified by a half-loaded model.
 */
@Component
public class ActiveModel implements DisposableBean, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ActiveModel.class);
    static final String SAMPLE_DATA = "/sample-data/sample-mails-da.csv";

    private final ModelRepository repository;
    private final java.time.Duration checkInterval;
    private volatile TextClassifier classifier;

    public ActiveModel(ClassifierProperties properties, Clock clock) throws IOException {
        this.repository = new ModelRepository(properties.modelDir());
        this.checkInterval = properties.modelCheckInterval();
        Optional<Path> current = repository.current();
        if (current.isEmpty()) {
            if (!properties.bootstrapSample()) {
                throw new IllegalStateException("no model in " + repository.root()
                        + "; train one with 'java -jar classifier-service.jar train --data FILE --model-dir DIR'");
            }
            ModelMetadata trained = trainSampleModel(repository, properties.trainingOptions(), clock);
            log.warn("no model found: trained {} from the bundled SAMPLE data ({} examples); train on real data before production",
                    trained.modelVersion(), trained.data().rows());
            current = repository.current();
        }
        this.classifier = TextClassifier.load(current.orElseThrow());
        log.info("model {} loaded with {} labels", classifier.metadata().modelVersion(), classifier.metadata().labels().size());
    }

    static ModelMetadata trainSampleModel(ModelRepository repository, TrainingOptions options, Clock clock) throws IOException {
        List<LabelledText> sample;
        try (InputStream in = ActiveModel.class.getResourceAsStream(SAMPLE_DATA)) {
            sample = TrainingDataFiles.readCsv(in, "bundled-sample");
        }
        ModelMetadata metadata = new ModelTrainer(clock).train(sample, options, FeatureConfig.defaults(),
                "bundled-sample", true, "sample-da", repository.root());
        repository.makeCurrent(metadata.modelVersion());
        return metadata;
    }


    public TextClassifier classifier() {
        return classifier;
    }

    /**
     * Follows the repository's {@code CURRENT} pointer: when {@code train} (or an admin) makes another
     * version current, the service switches to it between two messages.
     */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::followCurrent, checkInterval);
    }

    public void followCurrent() {
        try {
            Optional<Path> current = repository.current();
            if (current.isPresent() && !current.get().getFileName().toString().equals(classifier.metadata().modelVersion())) {
                switchTo(current.get().getFileName().toString());
            }
        } catch (IOException | RuntimeException e) {
            // Keep predicting with the loaded model; a broken new model must not stop the service.
            log.error("could not switch to the current model: {}", e.getMessage());
        }
    }

    /** Loads a model version from the repository, makes it current and starts predicting with it. */
    public synchronized void switchTo(String modelVersion) throws IOException {
        TextClassifier next = TextClassifier.load(repository.root().resolve(modelVersion));
        repository.makeCurrent(modelVersion);
        TextClassifier previous = classifier;
        classifier = next;
        // A worker may be in the middle of a prediction with the previous model (whose sentence encoder
        // holds native resources); it has long finished when the model is closed.
        java.util.concurrent.CompletableFuture.delayedExecutor(30, java.util.concurrent.TimeUnit.SECONDS).execute(previous::close);
        log.info("switched to model {}", modelVersion);
    }

    @Override
    public void destroy() {
        classifier.close();
    }
}
