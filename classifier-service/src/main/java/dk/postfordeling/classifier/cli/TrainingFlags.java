package dk.postfordeling.classifier.cli;

import dk.postfordeling.classifier.model.TrainingOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The training settings a command may change; each left out keeps {@link TrainingOptions#defaults()}. */
final class TrainingFlags {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--seed", description = "random seed (same seed, same model)")
    Long seed;

    @Option(names = "--target-precision", paramLabel = "P", description = "share of routed mail that must be right, between 0 and 1")
    Double targetPrecision;

    @Option(names = "--encoder", paramLabel = "bundled:all-minilm-l6-v2-q|DIR|none",
            description = "sentence encoder of the cascade's second stage; none: words alone")
    String encoder;

    @Option(names = "--dimension")
    Integer dimension;

    @Option(names = "--epochs")
    Integer epochs;

    @Option(names = "--learning-rate")
    Float learningRate;

    @Option(names = "--batch-size")
    Integer batchSize;

    @Option(names = "--dropout")
    Float dropout;

    @Option(names = "--folds", description = "cross-validation folds for calibration and thresholds")
    Integer folds;

    @Option(names = "--prior-strength")
    Double priorStrength;

    @Option(names = "--hidden-relu", arity = "1")
    Boolean hiddenRelu;

    @Option(names = "--min-steps")
    Integer minSteps;

    TrainingOptions options() {
        TrainingOptions d = TrainingOptions.defaults();
        double precision = targetPrecision == null ? d.targetPrecision() : targetPrecision;
        if (!(precision > 0 && precision < 1)) {
            throw new ParameterException(spec.commandLine(), "--target-precision must be between 0 and 1, got " + precision);
        }
        String chosenEncoder = encoder == null ? d.encoder() : "none".equals(encoder) ? null : encoder;
        return new TrainingOptions(or(dimension, d.dimension()), or(epochs, d.epochs()), or(learningRate, d.learningRate()),
                or(batchSize, d.batchSize()), or(seed, d.seed()), or(dropout, d.dropout()), or(folds, d.folds()), precision,
                or(priorStrength, d.priorStrength()), or(hiddenRelu, d.hiddenRelu()), or(minSteps, d.minSteps()), chosenEncoder);
    }

    private static <T> T or(T given, T fallback) {
        return given == null ? fallback : given;
    }
}
