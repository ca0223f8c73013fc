package dk.postfordeling.classifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package by feature: the model knows nothing of Kafka, Spring or the decision policy. */
@AnalyzeClasses(packages = "dk.postfordeling.classifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dk.postfordeling.classifier.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theModelIsPlainJava = noClasses().that().resideInAnyPackage("..classifier.model..", "..classifier.text..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "..classifier.serving..", "..classifier.decision..", "..classifier.cli..");

    @ArchTest
    static final ArchRule noServiceReachesIntoAnother = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dk.postfordeling.intake..", "dk.postfordeling.routing..");
}
