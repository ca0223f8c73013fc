package dk.postfordeling.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package by feature: destinations and the review queue do not know the dispatcher that drives them. */
@AnalyzeClasses(packages = "dk.postfordeling.routing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dk.postfordeling.routing.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule destinationsAndReviewDoNotDriveDispatch = noClasses()
            .that().resideInAnyPackage("..routing.destination..", "..routing.review..", "..routing.table..", "..routing.outbox..")
            .should().dependOnClassesThat().resideInAnyPackage("..routing.dispatch..", "..routing.intake..", "..routing.api..");

    @ArchTest
    static final ArchRule noServiceReachesIntoAnother = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dk.postfordeling.intake..", "dk.postfordeling.classifier..");
}
