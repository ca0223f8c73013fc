package dk.postfordeling.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package by feature: features do not form cycles, and channels only hand mail to acceptance. */
@AnalyzeClasses(packages = "dk.postfordeling.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dk.postfordeling.intake.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule channelsDoNotExtract = noClasses().that().resideInAPackage("..intake.channel..")
            .should().dependOnClassesThat().resideInAPackage("..intake.extraction..");

    @ArchTest
    static final ArchRule noServiceReachesIntoAnother = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dk.postfordeling.classifier..", "dk.postfordeling.routing..");
}
