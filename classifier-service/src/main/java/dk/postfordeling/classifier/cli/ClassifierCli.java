package dk.postfordeling.classifier.cli;

import dk.postfordeling.classifier.ClassifierProperties;
import dk.postfordeling.classifier.decision.DecisionPolicy;
import dk.postfordeling.classifier.model.FeatureConfig;
import dk.postfordeling.classifier.model.LabelledText;
import dk.postfordeling.classifier.model.ModelMetadata;
import dk.postfordeling.classifier.model.ModelRepository;
import dk.postfordeling.classifier.model.ModelTrainer;
import dk.postfordeling.classifier.model.Prediction;
import dk.postfordeling.classifier.model.TextClassifier;
import dk.postfordeling.classifier.model.TrainingDataFiles;
import dk.postfordeling.classifier.model.TrainingOptions;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.MailJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command line of the classifier (other tools depend on it):
 * <pre>
 * train   --data FILE --model-dir DIR [--seed N]     trains on CSV/JSONL and makes the model current
 * predict --model-dir DIR [--threshold P]           one text per stdin line, one JSON line out
 * </pre>
 * Exit code 0 on success, 2 on a usage error, 1 when the work itself failed.
 */
public final class ClassifierCli {

    private static final Set<String> COMMANDS = Set.of("train", "predict");

    private ClassifierCli() {
    }

    public static boolean isCommand(String word) {
        return COMMANDS.contains(word);
    }

    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(usage());
            return 2;
        }
        try {
            return switch (args[0]) {
                case "train" -> train(options, out);
                case "predict" -> predict(options, stdin, out);
                default -> usageError(err, "unknown command " + args[0]);
            };
        } catch (UsageException e) {
            return usageError(err, e.getMessage());
        } catch (IOException | RuntimeException e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static int train(Map<String, String> options, PrintStream out) throws IOException {
        Path data = Path.of(required(options, "data"));
        ModelRepository repository = new ModelRepository(Path.of(required(options, "model-dir")));
        TrainingOptions defaults = TrainingOptions.defaults();
        TrainingOptions training = new TrainingOptions(defaults.dimension(), defaults.epochs(), defaults.learningRate(),
                defaults.batchSize(), Long.parseLong(options.getOrDefault("seed", Long.toString(defaults.seed()))));
        List<LabelledText> examples = TrainingDataFiles.read(data);
        ModelMetadata metadata = new ModelTrainer(Clock.systemUTC()).train(examples, training, FeatureConfig.defaults(),
                data.getFileName().toString(), false, "model", repository.root());
        repository.makeCurrent(metadata.modelVersion());
        out.println(MailJson.mapper().writeValueAsString(Map.of(
                "modelVersion", metadata.modelVersion(), "rows", metadata.data().rows(), "labels", metadata.labels())));
        return 0;
    }

    private static int predict(Map<String, String> options, InputStream stdin, PrintStream out) throws IOException {
        ModelRepository repository = new ModelRepository(Path.of(required(options, "model-dir")));
        Path current = repository.current().orElseThrow(() -> new UsageException("no model in " + repository.root()));
        double threshold = Double.parseDouble(options.getOrDefault("threshold", "0.80"));
        DecisionPolicy policy = new DecisionPolicy(new ClassifierProperties(repository.root(), threshold, 0.5, 3, false, 2000));
        try (TextClassifier classifier = TextClassifier.load(current)) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                Prediction prediction = classifier.predict(line);
                DecisionPolicy.Outcome outcome = policy.decide(prediction, ExtractionStatus.EXTRACTED);
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("label", prediction.top().label());
                answer.put("confidence", prediction.top().probability());
                answer.put("decision", outcome.decision());
                answer.put("reasons", outcome.reasons());
                answer.put("explanation", prediction.phrases());
                answer.put("runnersUp", prediction.topK(3).subList(1, Math.min(3, prediction.ranked().size())));
                answer.put("modelVersion", prediction.modelVersion());
                out.println(MailJson.mapper().writeValueAsString(answer));
            }
        }
        return 0;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("missing --" + name);
        }
        return value;
    }

    private static int usageError(PrintStream err, String message) {
        err.println(message);
        err.println(usage());
        return 2;
    }

    private static String usage() {
        return """
                usage: classifier-service.jar train --data FILE --model-dir DIR [--seed N]
                       classifier-service.jar predict --model-dir DIR [--threshold P] < texts.txt""";
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
