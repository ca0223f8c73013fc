package dk.postfordeling.classifier.cli;

import dk.postfordeling.classifier.ClassifierProperties;
import dk.postfordeling.classifier.decision.DecisionPolicy;
import dk.postfordeling.classifier.evaluation.EvaluationReport;
import dk.postfordeling.classifier.evaluation.ScoredExample;
import dk.postfordeling.classifier.evaluation.Slices;
import dk.postfordeling.classifier.text.MailSlices;
import dk.postfordeling.classifier.model.FeatureConfig;
import dk.postfordeling.classifier.model.LabelledText;
import dk.postfordeling.classifier.model.ModelMetadata;
import dk.postfordeling.classifier.model.ModelTrainer;
import dk.postfordeling.classifier.model.Prediction;
import dk.postfordeling.classifier.model.TextClassifier;
import dk.postfordeling.classifier.model.TrainingDataFiles;
import dk.postfordeling.classifier.model.TrainingOptions;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.ExtractionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate}: trains on TRAIN only, predicts TEST with the routing decision, and writes
 * accuracy, macro-F1, the routed share and its precision, review reasons, the same per slice of the
 * test mail (length, CPR numbers, and each extra column of TEST such as {@code language}) and speed
 * to REPORT (and one JSON line to standard output).
 */
@Command(name = "evaluate", description = "Trains on one file, tests on another, writes the figures.")
final class EvaluateCommand implements Callable<Integer> {

    /** Whether the single-thread speed figures are measured (the unknown-topic benchmark needs none). */
    enum Speed { on, off }

    @Spec
    CommandSpec spec;

    @Mixin
    TrainTestFiles files;

    @Option(names = "--speed", paramLabel = "on|off", defaultValue = "on")
    Speed speed;

    @Option(names = "--slice-margin", paramLabel = "SHARE", defaultValue = "0.05",
            description = "A slice is flagged when its accuracy or routed share is this much below the whole's (default 0.05).")
    double sliceMargin;

    @Option(names = "--slice-min", paramLabel = "N", defaultValue = "20",
            description = "Slices with fewer test mails are shown but never flagged (default 20).")
    int sliceMin;

    @Mixin
    TrainingFlags flags;

    @Override
    public Integer call() throws Exception {
        TrainingOptions training = flags.options();
        List<LabelledText> train = TrainingDataFiles.read(files.train);
        List<TrainingDataFiles.Row> testRows = TrainingDataFiles.readWithColumns(files.test);
        List<LabelledText> test = testRows.stream().map(TrainingDataFiles.Row::example).toList();
        Path models = Files.createTempDirectory("postfordeling-evaluate");
        try {
            long started = System.nanoTime();
            ModelMetadata metadata = new ModelTrainer(Clock.systemUTC()).train(train, training, FeatureConfig.defaults(),
                    files.train.getFileName().toString(), false, "evaluate", models);
            double trainSeconds = (System.nanoTime() - started) / 1e9;
            DecisionPolicy policy = new DecisionPolicy(ClassifierProperties.defaults(models));
            List<ScoredExample> scored = new ArrayList<>(test.size());
            // Why test mail went to review: a mail can have several reasons.
            Map<String, Integer> reviewReasons = new TreeMap<>();
            double perSecond;
            double kilobytePerSecond = Double.NaN;
            try (TextClassifier classifier = TextClassifier.load(models.resolve(metadata.modelVersion()))) {
                long predicting = System.nanoTime();
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
                if (speed == Speed.on) {
                    kilobytePerSecond = SpeedFigures.kilobyteTextsPerSecond(classifier, policy, test);
                }
            }
            Map<String, Object> report = new LinkedHashMap<>(EvaluationReport.of(scored, metadata.labels().size(), trainSeconds, perSecond));
            if (speed == Speed.on) {
                report.put("singleThread1KbPredictionsPerSecond", Math.round(kilobytePerSecond));
                if (metadata.meaning() != null) {
                    report.put("encoderMillisecondsPerText", SpeedFigures.encoderMilliseconds(metadata.meaning().encoder(), test));
                }
            }
            report.put("reviewReasons", reviewReasons);
            report.put("slices", Slices.report(scored, testRows.stream()
                    .map(row -> MailSlices.of(row.example().text(), row.columns())).toList(), sliceMargin, sliceMin));
            report.put("model", Map.of("kind", "bag of TF-IDF weighted feature embeddings (DJL, PyTorch)"
                    + (metadata.meaning() == null ? "" : " + second stage on sentence embeddings (" + metadata.meaning().spec().name()
                            + ", ONNX Runtime)"),
                    "seed", training.seed(), "targetPrecision", training.targetPrecision(),
                    "temperature", metadata.temperature(), "trainingFigures", metadata.evaluation()));
            Reports.write(files.report, report, spec.commandLine().getOut());
        } finally {
            Reports.deleteRecursively(models);
        }
        return 0;
    }
}
