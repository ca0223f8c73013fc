package dk.postfordeling.routing.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.routing.workbench.MailViews;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The transparency page's sentence for each state a mail can be in, as an access request would read it. */
class HandlingStateTest {

    private static final UUID ID = UUID.fromString("0818c626-149d-3c52-8417-7567bbda0289");
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");
    private static final MailClassified MAIL = new MailClassified(new MailId(ID), Channel.UPLOAD, "blob:sha256:ab",
            List.of(new LabelScore("affald", 0.68)), Decision.REVIEW, List.of(new DecisionReason("LOW_CONFIDENCE", "Usikker.")),
            null, null, "m-1", AT);

    private static MailViews.MailView view(Optional<MailViews.Outcome> outcome, String reviewStatus, String claimedBy,
            boolean pending, MailViews.Step... history) {
        Optional<MailViews.ReviewState> review = reviewStatus == null ? Optional.empty()
                : Optional.of(new MailViews.ReviewState(reviewStatus, claimedBy, AT, List.of(), null, null, null));
        return new MailViews.MailView(ID, MAIL, review, outcome, pending, List.of(history));
    }

    private static Optional<MailViews.Outcome> outcome(String outcome, String decidedBy) {
        return Optional.of(new MailViews.Outcome(outcome, "affald", 0.68, "FUNCTION_MAILBOX", "affald@kommune.example",
                null, decidedBy, "m-1", AT, outcome.equals("CLOSED") ? "SPAM" : null));
    }

    private static MailViews.Step step(String action, Map<String, String> detail) {
        return new MailViews.Step(AT, "rv_anna", action, detail);
    }

    @Test
    void aMailWaitingForAPersonIsNeitherHandledNorRoutedAutomatically() {
        HandlingState waiting = HandlingState.of(view(outcome("REVIEW", "MODEL"), "OPEN", null, false));

        assertThat(waiting.code()).isEqualTo("WAITING");
        assertThat(waiting.text()).contains("venter på en medarbejder", "ikke fordelt automatisk").doesNotContain("blev fordelt");
        assertThat(HandlingState.of(view(outcome("REVIEW", "MODEL"), "CLAIMED", "rv_anna", false, step("CLAIM", Map.of()))).text())
                .contains("hos en medarbejder", "endnu ikke");
    }

    @Test
    void eachWayOfRoutingIsNamed() {
        assertThat(HandlingState.of(view(outcome("ROUTED", "MODEL"), null, null, false)).code()).isEqualTo("ROUTED_BY_MODEL");
        assertThat(HandlingState.of(view(outcome("ROUTED", "RULE"), null, null, false)).text()).contains("KLE-nummer");
        HandlingState byPerson = HandlingState.of(view(outcome("ROUTED", "REVIEWER"), "DONE", null, false,
                step("DECIDE", Map.of("label", "affald", "modelLabel", "affald"))));
        assertThat(byPerson.code()).isEqualTo("DECIDED_BY_PERSON");
        assertThat(byPerson.text()).isEqualTo("En medarbejder fordelte posten til affald (affald@kommune.example).");
        assertThat(HandlingState.of(view(outcome("REVIEW", "MODEL"), "DONE", null, true,
                step("DECIDE", Map.of("label", "affald", "modelLabel", "affald")))).code()).isEqualTo("DECIDED_BY_PERSON_PENDING");
        assertThat(HandlingState.of(view(Optional.empty(), null, null, true)).code()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aCorrectionAClosingAndAnUndoAreStatedAsSuch() {
        HandlingState corrected = HandlingState.of(view(outcome("ROUTED", "REVIEWER"), null, null, false,
                step("CORRECT", Map.of("from", "parkering", "label", "affald"))));
        assertThat(corrected.code()).isEqualTo("CORRECTED");
        assertThat(corrected.text()).contains("først fordelt af modellen", "rettede den bagefter til affald");
        assertThat(HandlingState.of(view(outcome("CLOSED", "REVIEWER"), "DONE", null, false, step("CLOSE", Map.of("reason", "SPAM"))))
                .text()).isEqualTo("En medarbejder lukkede posten: spam.");
        HandlingState undone = HandlingState.of(view(outcome("REVIEW", "MODEL"), "OPEN", null, false,
                step("DECIDE", Map.of("label", "affald", "modelLabel", "affald")), step("UNDO", Map.of("decision", "ROUTE:affald"))));
        assertThat(undone.code()).isEqualTo("UNDONE_WAITING");
    }
}
