package dk.postfordeling.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package by feature: features do not form cycles, channels only hand mail to acceptance, and reading a mail is plain code. */
@AnalyzeClasses(packages = "dk.postfordeling.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dk.postfordeling.intake.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule channelsDoNotExtract = noClasses().that().resideInAPackage("..intake.channel..")
            .should().dependOnClassesThat().resideInAPackage("..intake.extraction..");

    /** Reading a mail is plain code: only the worker that feeds it from Kafka knows Kafka or Spring. */
    @ArchTest
    static final ArchRule readingMailKnowsNoKafka = noClasses()
            .that().resideInAnyPackage("..intake.extraction..", "..intake.memo..").and().doNotHaveSimpleName("ExtractionWorker")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

    /** Only acceptance (and the streaming Digital Post door, retention and extraction) touch stored originals. */
    @ArchTest
    static final ArchRule channelsHandOriginalsToAcceptance = noClasses()
            .that().resideInAPackage("..intake.channel..").and().doNotHaveSimpleName("DigitalPostController")
            .should().dependOnClassesThat().resideInAPackage("dk.postfordeling.platform.blob..");
}
