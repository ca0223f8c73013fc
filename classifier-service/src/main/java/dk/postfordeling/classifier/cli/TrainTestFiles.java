package dk.postfordeling.classifier.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The files of a measurement: train on one, test on the other, write the figures to the third. */
final class TrainTestFiles {

    @Option(names = "--train", paramLabel = "TRAIN.csv", required = true)
    Path train;

    @Option(names = "--test", paramLabel = "TEST.csv", required = true)
    Path test;

    @Option(names = "--report", paramLabel = "REPORT.json", required = true)
    Path report;
}
