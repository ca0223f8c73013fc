package dk.postfordeling.classifier.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command line of the classifier (other tools depend on it), one class per command:
 * <pre>
 * train    --data FILE --model-dir DIR [--seed N] …  trains on CSV/JSONL and makes the model current
 * predict  --model-dir DIR [--threshold P]           one text per stdin line, one JSON line out
 * evaluate --train TRAIN.csv --test TEST.csv --report REPORT.json [--seed N] [--target-precision P] [--speed off]
 *                                                   trains on TRAIN only, predicts TEST, writes the figures
 * baseline --train TRAIN.csv --test TEST.csv --report REPORT.json [--seed N]
 *                                                   the same for TF-IDF + logistic regression (the yardstick)
 * split    --data FILE --train-out TRAIN.csv --test-out TEST.csv [--test-share 0.2] [--seed N]
 *                                                   a split stratified by label, for data without a test file
 * </pre>
 * Exit code 0 on success, 2 on a usage error (with the usage on standard error), 1 when the work
 * itself failed (with one line saying why, no stack trace).
 */
@Command(name = "classifier-service.jar", description = "Trains, evaluates and runs the classifier's models.",
        synopsisSubcommandLabel = "(train | predict | evaluate | baseline | split)")
public final class ClassifierCli implements Runnable {

    private static final Set<String> COMMANDS = Set.of("train", "predict", "evaluate", "baseline", "split");

    private ClassifierCli() {
    }

    public static boolean isCommand(String word) {
        return COMMANDS.contains(word);
    }

    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        CommandLine commands = new CommandLine(new ClassifierCli())
                .addSubcommand(new TrainCommand())
                .addSubcommand(new PredictCommand(stdin))
                .addSubcommand(new EvaluateCommand())
                .addSubcommand(new BaselineCommand())
                .addSubcommand(new SplitCommand());
        commands.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commands.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commands.setExecutionExceptionHandler((failure, command, parsed) -> {
            command.getErr().println(command.getCommandName() + " failed: " + failure.getMessage());
            return command.getCommandSpec().exitCodeOnExecutionException();
        });
        return commands.execute(args);
    }

    /** Without a command: the usage, as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is needed");
    }
}
