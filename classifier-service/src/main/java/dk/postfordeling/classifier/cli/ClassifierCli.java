package dk.postfordeling.classifier.cli;

import dk.postfordeling.classifier.evaluation.EvaluationReport;
import dk.postfordeling.classifier.evaluation.LogisticRegressionBaseline;
import dk.postfordeling.classifier.evaluation.ScoredExample;
import dk.postfordeling.contracts.Decision;
import java.nio.file.Files;
import java.util.ArrayList;

import dk.postfordeling.classifier.ClassifierProperties;
import dk.postfordeling.classifier.decision.DecisionPolicy;
import dk.postfordeling.classifier.feedback.FeedbackReader;
import dk.postfordeling.contracts.Topics;
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
 * evaluate --train TRAIN.csv --test TEST.csv --report REPORT.json [--seed N] [--target-precision P] [--speed off]
 *                                                   trains on TRAIN only, predicts TEST, writes the figures
 *                                                   (--speed off: without the single-thread speed figures)
 * baseline --train TRAIN.csv --test TEST.csv --report REPORT.json [--seed N]
 *                                                   the same for TF-IDF + logistic regression (the yardstick)
 * split --data FILE --train-out TRAIN.csv --test-out TEST.csv [--test-share 0.2] [--seed N]
 *                                                   a split stratified by label, for data without a test file
 * </pre>
 * Exit code 0 on success, 2 on a usage error, 1 when the work itself failed.
 */
public final class ClassifierCli {

    private static final Set<String> COMMANDS = Set.of("train", "predict", "evaluate", "baseline", "split");

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
                case "evaluate" -> evaluate(options, out);
                case "baseline" -> baseline(options, out);
                case "split" -> split(options, out);
                default -> usageError(err, "unknown command " + args[0]);
            };
        } catch (UsageException e) {
            return usageError(err, e.getMessage());
        } catch (IOException | RuntimeException e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * {@code train --data FILE [--feedback-bootstrap HOST:PORT] --model-dir DIR}: trains on the file,
     * on staff decisions from the feedback topic (newest per mail), or on both.
     */
    private static int train(Map<String, String> options, PrintStream out) throws IOException {
        String dataOption = options.get("data");
        String feedbackServers = options.get("feedback-bootstrap");
        if (dataOption == null && feedbackServers == null) {
            throw new UsageException("train needs --data FILE, --feedback-bootstrap HOST:PORT, or both");
        }
        ModelRepository repository = new ModelRepository(Path.of(required(options, "model-dir")));
        TrainingOptions training = trainingOptions(options);
        List<LabelledText> examples = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        if (dataOption != null) {
            Path data = Path.of(dataOption);
            examples.addAll(TrainingDataFiles.read(data));
            sources.add(data.getFileName().toString());
        }
        if (feedbackServers != null) {
            FeedbackReader.Feedback feedback = FeedbackReader.plaintext(feedbackServers, java.time.Duration.ofSeconds(60)).read();
            examples.addAll(feedback.examples());
            sources.add(Topics.MAIL_FEEDBACK.name());
            summary.put("feedback", Map.of("records", feedback.records(), "used", feedback.examples().size(),
                    "superseded", feedback.superseded(), "withoutText", feedback.withoutText()));
        }
        ModelMetadata metadata = new ModelTrainer(Clock.systemUTC()).train(examples, training, FeatureConfig.defaults(),
                String.join(" + ", sources), false, "model", repository.root());
        repository.makeCurrent(metadata.modelVersion());
        summary.put("modelVersion", metadata.modelVersion());
        summary.put("rows", metadata.data().rows());
        summary.put("labels", metadata.labels());
        out.println(MailJson.mapper().writeValueAsString(summary));
        return 0;
    }

    private static TrainingOptions trainingOptions(Map<String, String> options) {
        TrainingOptions defaults = TrainingOptions.defaults();
        try {
            TrainingOptions chosen = defaults.withSeed(Long.parseLong(options.getOrDefault("seed", Long.toString(defaults.seed()))));
            double precision = Double.parseDouble(options.getOrDefault("target-precision", Double.toString(defaults.targetPrecision())));
            if (!(precision > 0 && precision < 1)) {
                throw new UsageException("--target-precision must be between 0 and 1, got " + precision);
            }
            chosen = chosen.withTargetPrecision(precision);
            return new TrainingOptions(
                    Integer.parseInt(options.getOrDefault("dimension", Integer.toString(chosen.dimension()))),
                    Integer.parseInt(options.getOrDefault("epochs", Integer.toString(chosen.epochs()))),
                    Float.parseFloat(options.getOrDefault("learning-rate", Float.toString(chosen.learningRate()))),
                    Integer.parseInt(options.getOrDefault("batch-size", Integer.toString(chosen.batchSize()))),
                    chosen.seed(),
                    Float.parseFloat(options.getOrDefault("dropout", Float.toString(chosen.dropout()))),
                    Integer.parseInt(options.getOrDefault("folds", Integer.toString(chosen.folds()))),
                    chosen.targetPrecision(),
                    Double.parseDouble(options.getOrDefault("prior-strength", Double.toString(chosen.priorStrength()))),
                    Boolean.parseBoolean(options.getOrDefault("hidden-relu", Boolean.toString(chosen.hiddenRelu()))),
                    Integer.parseInt(options.getOrDefault("min-steps", Integer.toString(chosen.minSteps()))),
                    encoder(options.getOrDefault("encoder", chosen.encoder())));
        } catch (NumberFormatException e) {
            throw new UsageException("not a number: " + e.getMessage());
        }
    }

    /** {@code --encoder none} trains without the cascade's second stage. */
    private static String encoder(String option) {
        return "none".equals(option) ? null : option;
    }

    private static int evaluate(Map<String, String> options, PrintStream out) throws IOException {
        Path trainFile = Path.of(required(options, "train"));
        Path testFile = Path.of(required(options, "test"));
        Path reportFile = Path.of(required(options, "report"));
        TrainingOptions training = trainingOptions(options);
        String speedOption = options.getOrDefault("speed", "on");
        if (!speedOption.equals("on") && !speedOption.equals("off")) {
            throw new UsageException("--speed is on or off, not " + speedOption);
        }
        boolean speed = speedOption.equals("on");
        List<LabelledText> train = TrainingDataFiles.read(trainFile);
        List<LabelledText> test = TrainingDataFiles.read(testFile);
        Path models = Files.createTempDirectory("postfordeling-evaluate");
        try {
            long started = System.nanoTime();
            ModelMetadata metadata = new ModelTrainer(Clock.systemUTC()).train(train, training, FeatureConfig.defaults(),
                    trainFile.getFileName().toString(), false, "evaluate", models);
            double trainSeconds = (System.nanoTime() - started) / 1e9;
            DecisionPolicy policy = new DecisionPolicy(ClassifierProperties.defaults(models));
            List<ScoredExample> scored = new ArrayList<>(test.size());
            Map<String, Integer> reviewReasons = new java.util.TreeMap<>();
            double perSecond;
            double kilobytePerSecond;
            long predicting = System.nanoTime();
            try (TextClassifier classifier = TextClassifier.load(models.resolve(metadata.modelVersion()))) {
                for (LabelledText example : test) {
                    Prediction prediction = classifier.predict(example.text());
                    DecisionPolicy.Outcome outcome = policy.decide(prediction, ExtractionStatus.EXTRACTED);
                    boolean routed = outcome.decision() == Decision.ROUTE;
                    if (!routed) {
                        outcome.reasons().forEach(reason -> reviewReasons.merge(reason.code(), 1, Integer::sum));
                    }
                    scored.add(new ScoredExample(example.label(), prediction.top().label(), prediction.top().probability(), routed));
                }
                perSecond = test.size() / ((System.nanoTime() - predicting) / 1e9);
                kilobytePerSecond = speed ? kilobyteTextsPerSecond(classifier, policy, test) : Double.NaN;
            }
            Map<String, Object> report = new LinkedHashMap<>(EvaluationReport.of(scored, metadata.labels().size(), trainSeconds, perSecond));
            if (speed) {
                report.put("singleThread1KbPredictionsPerSecond", Math.round(kilobytePerSecond));
            }
            if (speed && metadata.meaning() != null) {
                report.put("encoderMillisecondsPerText", encoderMilliseconds(metadata.meaning().encoder(), test));
            }
            // Why test mail went to review: a mail can have several reasons.
            report.put("reviewReasons", reviewReasons);
            report.put("model", Map.of("kind", "bag of TF-IDF weighted feature embeddings (DJL, PyTorch)"
                    + (metadata.meaning() == null ? "" : " + second stage on sentence embeddings (" + metadata.meaning().spec().name() + ", ONNX Runtime)"),
                    "seed", training.seed(), "targetPrecision", training.targetPrecision(),
                    "temperature", metadata.temperature(), "trainingFigures", metadata.evaluation()));
            writeReport(reportFile, report, out);
        } finally {
            deleteRecursively(models);
        }
        return 0;
    }

    /** Texts of at least this many UTF-8 bytes for the single-thread speed figure (a typical mail's text). */
    static final int SPEED_TEXT_BYTES = 1024;

    /**
     * Predictions (with the routing decision) per second on one thread for texts of about 1 KB, made
     * by joining consecutive test texts: after a warm-up, the median of five one-second rounds (a
     * shared machine's passing slow-downs move the median less than one long round).
     */
    static double kilobyteTextsPerSecond(TextClassifier classifier, DecisionPolicy policy, List<LabelledText> texts) {
        List<String> kilobyteTexts = kilobyteTexts(texts);
        // Warm-up: 5,000 predictions, or 3 seconds where the sentence encoder makes each one slow.
        long warmUpEnd = System.nanoTime() + 3_000_000_000L;
        for (int i = 0; i < 5000 && System.nanoTime() < warmUpEnd; i++) {
            policy.decide(classifier.predict(kilobyteTexts.get(i % kilobyteTexts.size())), ExtractionStatus.EXTRACTED);
        }
        double[] rounds = new double[5];
        int predictions = 0;
        for (int round = 0; round < rounds.length; round++) {
            long started = System.nanoTime();
            long deadline = started + 1_000_000_000L;
            int before = predictions;
            while (System.nanoTime() < deadline) {
                policy.decide(classifier.predict(kilobyteTexts.get(predictions % kilobyteTexts.size())), ExtractionStatus.EXTRACTED);
                predictions++;
            }
            rounds[round] = (predictions - before) / ((System.nanoTime() - started) / 1e9);
        }
        java.util.Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }

    /**
     * What one call of the sentence encoder costs on one thread, for the set's own texts and for the
     * 1 KB texts (cut at the encoder's token limit): the median of 100 calls each, after 20 to warm up.
     */
    static Map<String, Double> encoderMilliseconds(String encoderLocation, List<LabelledText> texts) throws IOException {
        Map<String, Double> figures = new LinkedHashMap<>();
        try (dk.postfordeling.classifier.encoder.SentenceEncoder encoder =
                dk.postfordeling.classifier.encoder.SentenceEncoder.open(encoderLocation)) {
            figures.put("setTexts", medianMilliseconds(encoder, texts.stream().map(LabelledText::text).toList()));
            figures.put("kilobyteTexts", medianMilliseconds(encoder, kilobyteTexts(texts)));
        }
        return figures;
    }

    private static double medianMilliseconds(dk.postfordeling.classifier.encoder.SentenceEncoder encoder, List<String> texts) {
        for (int i = 0; i < 20; i++) {
            encoder.embed(texts.get(i % texts.size()));
        }
        double[] calls = new double[100];
        for (int i = 0; i < calls.length; i++) {
            long started = System.nanoTime();
            encoder.embed(texts.get(i % texts.size()));
            calls[i] = (System.nanoTime() - started) / 1e6;
        }
        java.util.Arrays.sort(calls);
        return Math.round(calls[calls.length / 2] * 100) / 100.0;
    }

    static List<String> kilobyteTexts(List<LabelledText> texts) {
        List<String> joined = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; joined.size() < 200 && i < texts.size() * 20; i++) {
            text.append(texts.get(i % texts.size()).text()).append('\n');
            if (text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= SPEED_TEXT_BYTES) {
                joined.add(text.toString());
                text.setLength(0);
            }
        }
        if (joined.isEmpty()) {
            throw new IllegalArgumentException("no text to measure speed with");
        }
        return joined;
    }

    private static int baseline(Map<String, String> options, PrintStream out) throws IOException {
        Path trainFile = Path.of(required(options, "train"));
        Path testFile = Path.of(required(options, "test"));
        Path reportFile = Path.of(required(options, "report"));
        long seed = trainingOptions(options).seed();
        List<LabelledText> train = TrainingDataFiles.read(trainFile);
        List<LabelledText> test = TrainingDataFiles.read(testFile);
        long started = System.nanoTime();
        LogisticRegressionBaseline baseline = LogisticRegressionBaseline.train(train, seed);
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        long predicting = System.nanoTime();
        List<ScoredExample> scored = test.stream().map(e -> baseline.score(e.text(), e.label())).toList();
        double perSecond = test.size() / ((System.nanoTime() - predicting) / 1e9);
        Map<String, Object> report = new LinkedHashMap<>(EvaluationReport.of(scored, baseline.labels(), trainSeconds, perSecond));
        report.remove("autoRouted");
        report.put("model", Map.of("kind", "TF-IDF + logistic regression (baseline)", "seed", seed));
        writeReport(reportFile, report, out);
        return 0;
    }

    private static int split(Map<String, String> options, PrintStream out) throws IOException {
        List<LabelledText> examples = TrainingDataFiles.read(Path.of(required(options, "data")));
        double share = Double.parseDouble(options.getOrDefault("test-share", "0.2"));
        if (!(share > 0 && share < 1)) {
            throw new UsageException("--test-share must be between 0 and 1");
        }
        List<List<LabelledText>> parts = TrainingDataFiles.split(examples, share, trainingOptions(options).seed());
        TrainingDataFiles.writeCsv(Path.of(required(options, "train-out")), parts.get(0));
        TrainingDataFiles.writeCsv(Path.of(required(options, "test-out")), parts.get(1));
        out.println(MailJson.mapper().writeValueAsString(Map.of("train", parts.get(0).size(), "test", parts.get(1).size())));
        return 0;
    }

    private static void writeReport(Path file, Map<String, Object> report, PrintStream out) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String json = MailJson.mapper().writer().with(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        Files.writeString(file, json + System.lineSeparator());
        out.println(MailJson.mapper().writeValueAsString(report));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static int predict(Map<String, String> options, InputStream stdin, PrintStream out) throws IOException {
        ModelRepository repository = new ModelRepository(Path.of(required(options, "model-dir")));
        Path current = repository.current().orElseThrow(() -> new UsageException("no model in " + repository.root()));
        double threshold = Double.parseDouble(options.getOrDefault("threshold", "0.80"));
        ClassifierProperties defaults = ClassifierProperties.defaults(repository.root());
        DecisionPolicy policy = new DecisionPolicy(new ClassifierProperties(repository.root(), threshold, defaults.minKnownWordShare(),
                defaults.topK(), false, defaults.attachmentChars(), defaults.encoder(), defaults.modelCheckInterval()));
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
                usage: classifier-service.jar train [--data FILE] [--feedback-bootstrap HOST:PORT] --model-dir DIR [--seed N] [--target-precision P] [--encoder bundled:all-minilm-l6-v2-q|DIR|none]
                       classifier-service.jar predict --model-dir DIR [--threshold P] < texts.txt
                       classifier-service.jar evaluate --train TRAIN.csv --test TEST.csv --report REPORT.json [--seed N] [--target-precision P] [--encoder …] [--speed off]
                       classifier-service.jar baseline --train TRAIN.csv --test TEST.csv --report REPORT.json [--seed N]
                       classifier-service.jar split --data FILE --train-out TRAIN.csv --test-out TEST.csv [--test-share 0.2] [--seed N]""";
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
