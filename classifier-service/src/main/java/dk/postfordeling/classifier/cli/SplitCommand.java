package dk.postfordeling.classifier.cli;

import dk.postfordeling.classifier.model.LabelledText;
import dk.postfordeling.classifier.model.TrainingDataFiles;
import dk.postfordeling.classifier.model.TrainingOptions;
import dk.postfordeling.contracts.MailJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code split}: a train and a test file stratified by label, for data that has no test file. */
@Command(name = "split", description = "Splits labelled data into a train and a test file, stratified by label.")
final class SplitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", required = true)
    Path data;

    @Option(names = "--train-out", paramLabel = "TRAIN.csv", required = true)
    Path trainOut;

    @Option(names = "--test-out", paramLabel = "TEST.csv", required = true)
    Path testOut;

    @Option(names = "--test-share", defaultValue = "0.2")
    double testShare;

    @Option(names = "--seed")
    Long seed;

    @Override
    public Integer call() throws Exception {
        if (!(testShare > 0 && testShare < 1)) {
            throw new ParameterException(spec.commandLine(), "--test-share must be between 0 and 1");
        }
        List<LabelledText> examples = TrainingDataFiles.read(data);
        List<List<LabelledText>> parts = TrainingDataFiles.split(examples, testShare,
                seed == null ? TrainingOptions.defaults().seed() : seed);
        TrainingDataFiles.writeCsv(trainOut, parts.get(0));
        TrainingDataFiles.writeCsv(testOut, parts.get(1));
        spec.commandLine().getOut().println(MailJson.mapper().writeValueAsString(Map.of("train", parts.get(0).size(),
                "test", parts.get(1).size())));
        return 0;
    }
}
