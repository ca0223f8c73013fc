package dk.postfordeling.classifier.cli;

import dk.postfordeling.classifier.feedback.FeedbackReader;
import dk.postfordeling.classifier.model.FeatureConfig;
import dk.postfordeling.classifier.model.LabelledText;
import dk.postfordeling.classifier.model.ModelMetadata;
import dk.postfordeling.classifier.model.ModelRepository;
import dk.postfordeling.classifier.model.ModelTrainer;
import dk.postfordeling.classifier.model.TrainingDataFiles;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.contracts.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains on a file of labelled mail, on staff decisions from the feedback topic
 * (newest per mail), or on both, and makes the new model current. Prints one JSON line.
 */
@Command(name = "train", description = "Trains a model and makes it current.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", description = "labelled mail, CSV or JSONL")
    Path data;

    @Option(names = "--feedback-bootstrap", paramLabel = "HOST:PORT", description = "read staff decisions from this broker")
    String feedbackServers;

    @Option(names = "--model-dir", paramLabel = "DIR", required = true)
    Path modelDir;

    @Mixin
    TrainingFlags training;

    @Override
    public Integer call() throws Exception {
        if (data == null && feedbackServers == null) {
            throw new ParameterException(spec.commandLine(), "train needs --data FILE, --feedback-bootstrap HOST:PORT, or both");
        }
        ModelRepository repository = new ModelRepository(modelDir);
        List<LabelledText> examples = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        if (data != null) {
            examples.addAll(TrainingDataFiles.read(data));
            sources.add(data.getFileName().toString());
        }
        if (feedbackServers != null) {
            FeedbackReader.Feedback feedback = FeedbackReader.plaintext(feedbackServers, Duration.ofSeconds(60)).read();
            examples.addAll(feedback.examples());
            sources.add(Topics.MAIL_FEEDBACK.name());
            summary.put("feedback", Map.of("records", feedback.records(), "used", feedback.examples().size(),
                    "superseded", feedback.superseded(), "withoutText", feedback.withoutText()));
        }
        ModelMetadata metadata = new ModelTrainer(Clock.systemUTC()).train(examples, training.options(), FeatureConfig.defaults(),
                String.join(" + ", sources), false, "model", repository.root());
        repository.makeCurrent(metadata.modelVersion());
        summary.put("modelVersion", metadata.modelVersion());
        summary.put("rows", metadata.data().rows());
        summary.put("labels", metadata.labels());
        spec.commandLine().getOut().println(MailJson.mapper().writeValueAsString(summary));
        return 0;
    }
}
