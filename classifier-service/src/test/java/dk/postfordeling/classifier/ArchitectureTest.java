package dk.postfordeling.classifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package by feature: the model knows nothing of Kafka, Spring or the decision policy; the command line needs no service. */
@AnalyzeClasses(packages = "dk.postfordeling.classifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dk.postfordeling.classifier.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theModelIsPlainJava = noClasses().that().resideInAnyPackage("..classifier.model..", "..classifier.text..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "..classifier.serving..", "..classifier.decision..", "..classifier.cli..");

    /** The command line, the evaluation and the encoder run without the service: no Spring, no Kafka of their own. */
    @ArchTest
    static final ArchRule theCommandLineNeedsNoService = noClasses()
            .that().resideInAnyPackage("..classifier.cli..", "..classifier.evaluation..", "..classifier.encoder..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "..classifier.serving..", "..classifier.retraining..");
}
