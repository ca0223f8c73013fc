package dk.postfordeling.classifier.retraining;

import dk.postfordeling.classifier.ClassifierProperties;
import dk.postfordeling.classifier.decision.DecisionPolicy;
import dk.postfordeling.classifier.feedback.FeedbackReader;
import dk.postfordeling.classifier.model.FeatureConfig;
import dk.postfordeling.classifier.model.LabelledText;
import dk.postfordeling.classifier.model.ModelFiles;
import dk.postfordeling.classifier.model.ModelMetadata;
import dk.postfordeling.classifier.model.ModelRepository;
import dk.postfordeling.classifier.model.ModelTrainer;
import dk.postfordeling.classifier.model.Prediction;
import dk.postfordeling.classifier.model.TextClassifier;
import dk.postfordeling.classifier.model.TrainingDataFiles;
import dk.postfordeling.classifier.model.TrainingOptions;
import dk.postfordeling.classifier.serving.ActiveModel;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.contracts.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The feedback loop: staff decisions (the feedback topic, newest per mail) and the municipality's
 * labelled history train a new model; it is compared with the model in use on the newest decisions,
 * which are held out of its training (shadow evaluation), and promoted only when it is not worse.
 * The comparison is stored beside the new model ({@code shadow.json}) for the admin page. Runs on a
 * schedule or on demand, one at a time, beside serving: the service keeps classifying with the model
 * in use and switches between two messages when a new one is promoted.
 */
@Component
public class Retraining implements DisposableBean, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Retraining.class);
    static final String SHADOW_FILE = "shadow.json";

    /** Where retraining stands, for the API. */
    public record Status(String state, String message, ShadowEvaluation lastEvaluation) {
    }

    private final ActiveModel active;
    private final ModelRepository repository;
    private final RetrainingProperties properties;
    private final dk.postfordeling.classifier.model.TrainingOptions trainingOptions;
    private final DecisionPolicy policy;
    /** The service's Kafka client settings, TLS and SASL included, for reading the feedback topic. */
    private final java.util.Map<String, Object> kafkaClient;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "retraining");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Status> status = new AtomicReference<>(new Status("IDLE", "Ingen genoptræning kørt endnu.", null));

    public Retraining(ActiveModel active, ClassifierProperties classifier, RetrainingProperties properties,
            KafkaProperties kafka, Clock clock) throws IOException {
        this.active = active;
        this.repository = new ModelRepository(classifier.modelDir());
        this.properties = properties;
        this.policy = new DecisionPolicy(classifier);
        this.trainingOptions = classifier.trainingOptions();
        this.kafkaClient = kafka.buildConsumerProperties();
        this.clock = clock;
    }

    public Status status() {
        return status.get();
    }

    /** Starts a retraining unless one is running; returns whether it was started. */
    public synchronized boolean start() {
        if ("RUNNING".equals(status.get().state())) {
            return false;
        }
        status.set(new Status("RUNNING", "Genoptræning i gang.", status.get().lastEvaluation()));
        worker.execute(this::runSafely);
        return true;
    }

    /** Retrains on the configured cron schedule, if there is one. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (!"-".equals(properties.schedule())) {
            tasks.addCronTask(this::scheduled, properties.schedule());
        }
    }

    void scheduled() {
        if (!start()) {
            log.info("scheduled retraining skipped: one is already running");
        }
    }

    private void runSafely() {
        try {
            status.set(run());
        } catch (IOException | RuntimeException e) {
            log.error("retraining failed: {}", e.getMessage());
            status.set(new Status("FAILED", "Genoptræningen mislykkedes: " + e.getMessage(), status.get().lastEvaluation()));
        }
    }

    /** One retraining, synchronously. */
    Status run() throws IOException {
        FeedbackReader.Feedback feedback = new FeedbackReader(kafkaClient, Duration.ofSeconds(60)).read();
        List<LabelledText> decisions = feedback.examples();
        if (decisions.size() < properties.minDecisions()) {
            return new Status("IDLE", "For få afgørelser fra medarbejdere at lære af (" + decisions.size() + ", mindst "
                    + properties.minDecisions() + "); ingen ny model.", status.get().lastEvaluation());
        }
        Path current = repository.current().orElseThrow(() -> new IOException("no model in use to compare with"));
        List<LabelledText> base = baseData(ModelFiles.readMetadata(current));
        // Decisions are oldest first: the newest are held out for the comparison.
        int held = Math.max(1, (int) Math.round(decisions.size() * properties.shadowShare()));
        List<LabelledText> learnFrom = decisions.subList(0, decisions.size() - held);
        List<LabelledText> shadow = decisions.subList(decisions.size() - held, decisions.size());
        List<LabelledText> training = new ArrayList<>(base);
        training.addAll(learnFrom);
        String source = (properties.baseData() == null ? "bundled-sample" : properties.baseData().getFileName().toString())
                + " + " + Topics.MAIL_FEEDBACK.name();
        ModelMetadata candidate = new ModelTrainer(clock).train(training, trainingOptions, FeatureConfig.defaults(),
                source, properties.baseData() == null, "retrained", repository.root());

        ShadowEvaluation evaluation = compare(repository.root().resolve(candidate.modelVersion()), current, shadow, learnFrom.size());
        Files.writeString(repository.root().resolve(candidate.modelVersion()).resolve(SHADOW_FILE),
                MailJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(evaluation));
        log.info("shadow evaluation on {} decisions: new model {} accuracy {} wrongly routed {}; model in use {} accuracy {} wrongly routed {}; {}",
                evaluation.examples(), evaluation.candidateVersion(), evaluation.candidateAccuracy(), evaluation.candidateWronglyRouted(),
                evaluation.currentVersion(), evaluation.currentAccuracy(), evaluation.currentWronglyRouted(), evaluation.verdict());
        if (evaluation.verdict() == ShadowEvaluation.Verdict.PROMOTED) {
            active.switchTo(candidate.modelVersion());
            return new Status("IDLE", "Ny model " + candidate.modelVersion() + " er taget i brug.", evaluation);
        }
        return new Status("IDLE", "Ny model " + candidate.modelVersion() + " var dårligere end modellen i brug og er ikke taget i brug.",
                evaluation);
    }

    private List<LabelledText> baseData(ModelMetadata inUse) throws IOException {
        if (properties.baseData() != null) {
            return TrainingDataFiles.read(properties.baseData());
        }
        if (!inUse.data().sample()) {
            throw new IOException("the model in use was trained on the municipality's own data; set "
                    + "postfordeling.classifier.retraining.base-data to that data so retraining does not forget it");
        }
        try (InputStream in = ActiveModel.class.getResourceAsStream("/sample-data/sample-mails-da.csv")) {
            return TrainingDataFiles.readCsv(in, "bundled-sample");
        }
    }

    private ShadowEvaluation compare(Path candidateDir, Path currentDir, List<LabelledText> shadow, int trainedOn) throws IOException {
        try (TextClassifier candidate = TextClassifier.load(candidateDir); TextClassifier current = TextClassifier.load(currentDir)) {
            int n = shadow.size();
            Score newScore = score(candidate, shadow);
            Score oldScore = score(current, shadow);
            double newAccuracy = newScore.accuracy(n);
            double oldAccuracy = oldScore.accuracy(n);
            return new ShadowEvaluation(candidate.metadata().modelVersion(), current.metadata().modelVersion(), n,
                    newAccuracy, oldAccuracy, newScore.wronglyRouted, oldScore.wronglyRouted,
                    newScore.routedShare(n), oldScore.routedShare(n), trainedOn,
                    ShadowEvaluation.judge(newAccuracy, oldAccuracy, newScore.wronglyRouted, oldScore.wronglyRouted),
                    clock.instant());
        }
    }

    private record Score(int correct, int routed, int wronglyRouted) {
        double accuracy(int n) {
            return n == 0 ? 0 : Math.round(1000.0 * correct / n) / 1000.0;
        }

        double routedShare(int n) {
            return n == 0 ? 0 : Math.round(1000.0 * routed / n) / 1000.0;
        }
    }

    private Score score(TextClassifier model, List<LabelledText> examples) {
        int correct = 0;
        int routed = 0;
        int wrong = 0;
        for (LabelledText example : examples) {
            Prediction prediction = model.predict(example.text());
            boolean right = prediction.top().label().equals(example.label());
            if (right) {
                correct++;
            }
            if (policy.decide(prediction, ExtractionStatus.EXTRACTED).decision() == Decision.ROUTE) {
                routed++;
                if (!right) {
                    wrong++;
                }
            }
        }
        return new Score(correct, routed, wrong);
    }

    /** The shadow evaluation stored beside a model, if it was made by retraining. */
    public Optional<ShadowEvaluation> evaluationOf(Path modelDir) throws IOException {
        Path file = modelDir.resolve(SHADOW_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(MailJson.mapper().readValue(Files.readString(file), ShadowEvaluation.class));
    }

    public ModelRepository repository() {
        return repository;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
