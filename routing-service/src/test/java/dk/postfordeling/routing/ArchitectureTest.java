package dk.postfordeling.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Routing's inner rules: package by feature without cycles; destinations and the review queue do
 * not know the dispatcher that drives them; web code asks the tables' owners instead of writing
 * SQL; the routing decision is plain Java.
 */
@AnalyzeClasses(packages = "dk.postfordeling.routing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dk.postfordeling.routing.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule destinationsAndReviewDoNotDriveDispatch = noClasses()
            .that().resideInAnyPackage("..routing.destination..", "..routing.review..", "..routing.table..", "..routing.outbox..",
                    "..routing.outcome..", "..routing.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("..routing.dispatch..", "..routing.intake..", "..routing.api..");

    @ArchTest
    static final ArchRule webCodeWritesNoSql = noClasses()
            .that().resideInAnyPackage("..routing.web..", "..routing.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..");

    @ArchTest
    static final ArchRule theRoutingDecisionIsPlainJava = noClasses()
            .that().resideInAPackage("..routing.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..",
                    "io.micrometer..");
}
