package dk.postfordeling.classifier.cli;

import dk.postfordeling.classifier.evaluation.EvaluationReport;
import dk.postfordeling.classifier.evaluation.LogisticRegressionBaseline;
import dk.postfordeling.classifier.evaluation.ScoredExample;
import dk.postfordeling.classifier.model.LabelledText;
import dk.postfordeling.classifier.model.TrainingDataFiles;
import dk.postfordeling.classifier.model.TrainingOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baseline}: the same figures as {@code evaluate} for TF-IDF + logistic regression, the yardstick. */
@Command(name = "baseline", description = "Trains and tests the TF-IDF + logistic-regression baseline.")
final class BaselineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrainTestFiles files;

    @Option(names = "--seed")
    Long seed;

    @Override
    public Integer call() throws Exception {
        long chosenSeed = seed == null ? TrainingOptions.defaults().seed() : seed;
        List<LabelledText> train = TrainingDataFiles.read(files.train);
        List<LabelledText> test = TrainingDataFiles.read(files.test);
        long started = System.nanoTime();
        LogisticRegressionBaseline baseline = LogisticRegressionBaseline.train(train, chosenSeed);
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        long predicting = System.nanoTime();
        List<ScoredExample> scored = test.stream().map(e -> baseline.score(e.text(), e.label())).toList();
        double perSecond = test.size() / ((System.nanoTime() - predicting) / 1e9);
        Map<String, Object> report = new LinkedHashMap<>(EvaluationReport.of(scored, baseline.labels(), trainSeconds, perSecond));
        report.remove("autoRouted");
        report.put("model", Map.of("kind", "TF-IDF + logistic regression (baseline)", "seed", chosenSeed));
        Reports.write(files.report, report, spec.commandLine().getOut());
        return 0;
    }
}
