package dk.postfordeling.classifier.cli;

import dk.postfordeling.classifier.ClassifierProperties;
import dk.postfordeling.classifier.decision.DecisionPolicy;
import dk.postfordeling.classifier.model.ModelRepository;
import dk.postfordeling.classifier.model.Prediction;
import dk.postfordeling.classifier.model.TextClassifier;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.ExplainingPhrase;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.MailJson;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code predict}: one text per line of standard input, one JSON line out with label, decision and why. */
@Command(name = "predict", description = "Predicts a destination for each line of standard input.")
final class PredictCommand implements Callable<Integer> {

    /** One line of output. */
    record Answer(String label, double confidence, Decision decision, List<DecisionReason> reasons,
            List<ExplainingPhrase> explanation, List<LabelScore> runnersUp, String modelVersion) {
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--model-dir", paramLabel = "DIR", required = true)
    Path modelDir;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.80",
            description = "routing threshold for models without thresholds of their own (release 1)")
    double threshold;

    private final InputStream stdin;

    PredictCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws Exception {
        ModelRepository repository = new ModelRepository(modelDir);
        Path current = repository.current()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "no model in " + repository.root()));
        ClassifierProperties defaults = ClassifierProperties.defaults(repository.root());
        DecisionPolicy policy = new DecisionPolicy(new ClassifierProperties(repository.root(), threshold, defaults.minKnownWordShare(),
                defaults.topK(), false, defaults.attachmentChars(), defaults.encoder(), defaults.modelCheckInterval()));
        try (TextClassifier classifier = TextClassifier.load(current)) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                Prediction prediction = classifier.predict(line);
                DecisionPolicy.Outcome outcome = policy.decide(prediction, ExtractionStatus.EXTRACTED);
                Answer answer = new Answer(prediction.top().label(), prediction.top().probability(), outcome.decision(),
                        outcome.reasons(), prediction.phrases(), prediction.topK(3).subList(1, Math.min(3, prediction.ranked().size())),
                        prediction.modelVersion());
                spec.commandLine().getOut().println(MailJson.mapper().writeValueAsString(answer));
            }
        }
        return 0;
    }
}
