package dk.postfordeling.routing.table;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.routing.destination.mailbox.MailboxKind;
import dk.postfordeling.routing.destination.sbsys.SbsysKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The routing table as configuration: a bad entry stops the context from starting, and the message names it. */
class BrokenRoutingTableStartupTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RoutingProperties.class)
    @Import({RoutingTable.class, ReviewRules.class, DestinationKinds.class, MailboxKind.class, SbsysKind.class})
    static class Table {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Table.class)
            .withPropertyValues("postfordeling.routing.blob-store-dir=/tmp/blobs", "postfordeling.routing.sender-address=post@kommune.example",
                    "postfordeling.routing.destinations.parkering.type=FUNCTION_MAILBOX",
                    "postfordeling.routing.destinations.parkering.address=parkering@kommune.example");

    @Test
    void aGoodTableStarts() {
        context.withPropertyValues("postfordeling.routing.destinations.skole.type=SBSYS",
                "postfordeling.routing.destinations.skole.case-id=17.01.00-G01-3-26").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(RoutingTable.class).routeFor("skole")).isPresent();
        });
    }

    @Test
    void aCaseNumberOfTheWrongShapeStopsStartUpNamingTheEntry() {
        context.withPropertyValues("postfordeling.routing.destinations.skole.type=SBSYS",
                "postfordeling.routing.destinations.skole.case-id=sag 17").run(failed -> {
            assertThat(failed).hasFailed();
            assertThat(failed.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidRoutingTableException.class)
                    .hasMessageContaining("routing table entry 'skole'")
                    .hasMessageContaining("'sag 17'");
        });
    }

    @Test
    void aRuleWithoutTermsStopsStartUpNamingTheRule() {
        context.withPropertyValues("postfordeling.routing.always-review[0].name=aktindsigt").run(failed -> {
            assertThat(failed).hasFailed();
            assertThat(failed.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidRoutingTableException.class)
                    .hasMessageContaining("always-review rule 1 'aktindsigt' needs terms");
        });
    }
}
