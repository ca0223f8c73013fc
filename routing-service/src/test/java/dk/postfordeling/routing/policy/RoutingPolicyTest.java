package dk.postfordeling.routing.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.outcome.DecidedBy;
import dk.postfordeling.routing.table.ReviewRules;
import dk.postfordeling.routing.table.RoutingProperties;
import dk.postfordeling.routing.table.RoutingProperties.DestinationProperties;
import dk.postfordeling.routing.table.RoutingProperties.ReviewRuleProperties;
import dk.postfordeling.routing.table.Kinds;
import dk.postfordeling.routing.table.RoutingTable;
import dk.postfordeling.testing.Classified;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every routing rule, and which wins when several apply; plain objects, no Spring, no database. */
class RoutingPolicyTest {

    private static final Map<String, DestinationProperties> TABLE = Map.of(
            "parkering", new DestinationProperties("FUNCTION_MAILBOX", "parkering@kommune.dk", null, null),
            "boern-familie", new DestinationProperties("FUNCTION_MAILBOX", "familie@kommune.dk", null, 0.99),
            "byggeri", new DestinationProperties("SBSYS", null, "02.00.00-G01-1-24", null),
            "klager", new DestinationProperties("REVIEW", null, null, null),
            "05.13.04", new DestinationProperties("GET_ORGANIZED", null, "BOR-2022-000046", null));

    private static final List<ReviewRuleProperties> RULES = List.of(
            new ReviewRuleProperties("aktindsigt", List.of("aktindsigt"), false),
            new ReviewRuleProperties("helbred", List.of("diabet", "*sygdom"), true));

    private final RoutingPolicy policy = policy(true);

    private static RoutingPolicy policy(boolean trustMemoKle) {
        RoutingProperties properties = new RoutingProperties(Path.of("blobs"), "postfordeling@kommune.dk", TABLE, 5,
                Duration.ofSeconds(5), Duration.ofMillis(250), RULES, trustMemoKle, 1);
        return new RoutingPolicy(new RoutingTable(properties, Kinds.all()), new ReviewRules(properties), trustMemoKle);
    }

    @Test
    void aSureModelRoutesToItsLabelsDestination() {
        RoutingPolicy.Outcome outcome = policy.decide(Classified.routeTo("parkering").build(), null);

        assertThat(outcome).isInstanceOfSatisfying(RoutingPolicy.Deliver.class, deliver -> {
            assertThat(deliver.destination().type()).isEqualTo(DestinationType.FUNCTION_MAILBOX);
            assertThat(deliver.destination().target()).isEqualTo("parkering@kommune.dk");
            assertThat(deliver.label()).isEqualTo("parkering");
            assertThat(deliver.decidedBy()).isEqualTo(DecidedBy.MODEL);
        });
    }

    @Test
    void theClassifiersReviewKeepsItsReasons() {
        RoutingPolicy.Outcome outcome = policy.decide(Classified.reviewOf("parkering", 0.41).build(), null);

        assertThat(codes(outcome)).containsExactly("LOW_CONFIDENCE");
    }

    @Test
    void aLabelTheTableDoesNotKnowGoesToReview() {
        RoutingPolicy.Outcome outcome = policy.decide(Classified.routeTo("dagtilbud").build(), null);

        assertThat(codes(outcome)).containsExactly("NO_DESTINATION");
        assertThat(text(outcome)).isEqualTo("Rutetabellen har ingen modtager for dagtilbud.");
    }

    @Test
    void aReviewOnlyLabelGoesToReviewHoweverSure() {
        RoutingPolicy.Outcome outcome = policy.decide(Classified.routeTo("klager").confidence(0.999).build(), null);

        assertThat(codes(outcome)).containsExactly("RULE_ALWAYS_REVIEW");
    }

    @Test
    void aDestinationsOwnBarSendsLessSureMailToReview() {
        RoutingPolicy.Outcome below = policy.decide(Classified.routeTo("boern-familie").confidence(0.97).build(), null);
        RoutingPolicy.Outcome at = policy.decide(Classified.routeTo("boern-familie").confidence(0.99).build(), null);

        assertThat(codes(below)).containsExactly("BELOW_DESTINATION_PRECISION");
        assertThat(text(below)).isEqualTo("Modellen er 97 % sikker på boern-familie; post til boern-familie kræver mindst 99 %.");
        assertThat(at).isInstanceOf(RoutingPolicy.Deliver.class);
    }

    @Test
    void aTrustedSendersKleKeyRoutesByRule() {
        RoutingPolicy.Outcome outcome = policy.decide(Classified.reviewOf("parkering", 0.3).kle("05.13.04").build(), null);

        assertThat(outcome).isInstanceOfSatisfying(RoutingPolicy.Deliver.class, deliver -> {
            assertThat(deliver.destination().key()).isEqualTo("05.13.04");
            assertThat(deliver.decidedBy()).isEqualTo(DecidedBy.RULE);
        });
    }

    @Test
    void aKleKeyIsIgnoredWhenNotTrustedOrNotInTheTable() {
        assertThat(codes(policy(false).decide(Classified.reviewOf("parkering", 0.3).kle("05.13.04").build(), null)))
                .containsExactly("LOW_CONFIDENCE");
        assertThat(policy.decide(Classified.routeTo("parkering").kle("99.99.99").build(), null))
                .isInstanceOfSatisfying(RoutingPolicy.Deliver.class, d -> assertThat(d.decidedBy()).isEqualTo(DecidedBy.MODEL));
    }

    @Test
    void anAlwaysReviewRuleNamesItsTermNotTheMailsWords() {
        RoutingPolicy.Outcome outcome = policy.decide(Classified.routeTo("parkering")
                .content("Anmodning", "Jeg beder om aktindsigtsanmodning i min sag", 0).build(), null);

        assertThat(codes(outcome)).containsExactly("RULE_AKTINDSIGT");
        assertThat(text(outcome)).isEqualTo("Post af denne art skal altid ses af en medarbejder (regel: aktindsigt, term \u201caktindsigt\u201d).");
    }

    @Test
    void aRuleThatNeedsACprNumberAppliesOnlyWithOne() {
        RoutingPolicy.Outcome withCpr = policy.decide(Classified.routeTo("parkering")
                .content("Parkering", "Min hjertesygdom gør at jeg har brug for en p-plads", 1).build(), null);
        RoutingPolicy.Outcome without = policy.decide(Classified.routeTo("parkering")
                .content("Parkering", "Min hjertesygdom gør at jeg har brug for en p-plads", 0).build(), null);

        assertThat(codes(withCpr)).containsExactly("RULE_HELBRED");
        assertThat(text(withCpr)).endsWith("(regel: helbred, term \u201csygdom\u201d i post med CPR-nummer).");
        assertThat(without).isInstanceOf(RoutingPolicy.Deliver.class);
    }

    @Test
    void anAlwaysReviewRuleWinsOverTheSendersKleKey() {
        RoutingPolicy.Outcome outcome = policy.decide(Classified.routeTo("parkering").kle("05.13.04")
                .content("Aktindsigt", "aktindsigt", 0).build(), null);

        assertThat(codes(outcome)).containsExactly("RULE_AKTINDSIGT");
    }

    @Test
    void theSendersKleKeyWinsOverTheModel() {
        RoutingPolicy.Outcome outcome = policy.decide(Classified.routeTo("parkering").kle("05.13.04").build(), null);

        assertThat(outcome).isInstanceOfSatisfying(RoutingPolicy.Deliver.class,
                d -> assertThat(d.destination().key()).isEqualTo("05.13.04"));
    }

    @Test
    void aPersonsLabelWinsOverEveryRule() {
        RoutingPolicy.Outcome outcome = policy.decide(Classified.reviewOf("parkering", 0.2).kle("05.13.04")
                .content("Aktindsigt", "aktindsigt og diabetes", 3).build(), "byggeri");

        assertThat(outcome).isInstanceOfSatisfying(RoutingPolicy.Deliver.class, deliver -> {
            assertThat(deliver.destination().type()).isEqualTo(DestinationType.SBSYS);
            assertThat(deliver.label()).isEqualTo("byggeri");
            assertThat(deliver.decidedBy()).isEqualTo(DecidedBy.REVIEWER);
        });
    }

    @Test
    void aPersonsReviewOnlyLabelFilesNothing() {
        RoutingPolicy.Outcome outcome = policy.decide(Classified.routeTo("parkering").build(), "klager");

        assertThat(outcome).isEqualTo(new RoutingPolicy.NotFiled("klager"));
    }

    @Test
    void mailWithoutContentIsDecidedByTheModel() {
        assertThat(policy.decide(Classified.routeTo("byggeri").build(), null)).isInstanceOf(RoutingPolicy.Deliver.class);
    }

    private static final java.time.Instant PAUSED_AT = java.time.Instant.parse("2026-12-07T09:00:00Z");

    private static Pauses pausedFor(String destination) {
        return new Pauses(java.util.Optional.empty(), Map.of(destination,
                new Pauses.Pause(destination, "ny sagsbehandler i parkering", "adm_eva", PAUSED_AT)));
    }

    @Test
    void aPausedDestinationsMailGoesToAPersonWithTheReasonOtherMailStillRoutes() {
        Pauses pauses = pausedFor("parkering");

        RoutingPolicy.Outcome paused = policy.decide(Classified.routeTo("parkering").build(), null, pauses);
        assertThat(codes(paused)).containsExactly("ROUTING_PAUSED");
        assertThat(text(paused)).isEqualTo("Automatisk fordeling til parkering er sat på pause: ny sagsbehandler i parkering."
                + " Posten ville være gået til parkering.");
        assertThat(policy.decide(Classified.routeTo("byggeri").build(), null, pauses)).isInstanceOf(RoutingPolicy.Deliver.class);
        assertThat(policy.decide(Classified.routeTo("parkering").build(), null, Pauses.NONE)).isInstanceOf(RoutingPolicy.Deliver.class);
    }

    @Test
    void aPauseOfEverythingStopsTheModelAndTheRulesButNotAPerson() {
        Pauses everything = new Pauses(java.util.Optional.of(new Pauses.Pause(Pauses.EVERYTHING, "ny model undersøges", "adm_eva",
                PAUSED_AT)), Map.of());

        assertThat(codes(policy.decide(Classified.routeTo("byggeri").build(), null, everything))).containsExactly("ROUTING_PAUSED");
        assertThat(text(policy.decide(Classified.reviewOf("parkering", 0.3).kle("05.13.04").build(), null, everything)))
                .startsWith("Automatisk fordeling er sat på pause: ny model undersøges.");
        assertThat(policy.decide(Classified.routeTo("parkering").build(), "byggeri", everything))
                .isInstanceOfSatisfying(RoutingPolicy.Deliver.class, deliver -> assertThat(deliver.decidedBy()).isEqualTo(DecidedBy.REVIEWER));
        assertThat(codes(policy.decide(Classified.reviewOf("parkering", 0.41).build(), null, everything)))
                .as("mail for review keeps its own reasons").containsExactly("LOW_CONFIDENCE");
    }

    private static List<String> codes(RoutingPolicy.Outcome outcome) {
        assertThat(outcome).isInstanceOf(RoutingPolicy.ToReview.class);
        return ((RoutingPolicy.ToReview) outcome).reasons().stream().map(DecisionReason::code).toList();
    }

    private static String text(RoutingPolicy.Outcome outcome) {
        return ((RoutingPolicy.ToReview) outcome).reasons().get(0).text();
    }
}
