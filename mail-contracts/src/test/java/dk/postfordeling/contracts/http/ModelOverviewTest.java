package dk.postfordeling.contracts.http;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.MailJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model API's answer reads back as written, and a reader tolerates fields added later. */
class ModelOverviewTest {

    @Test
    void anOverviewReadsBackAsWritten() {
        ModelOverview written = new ModelOverview("m-2", "Ingen genoptræning kørt endnu.", "IDLE", List.of(
                new ModelOverview.Version("m-2", Instant.parse("2026-12-07T10:00:00Z"), 193, "sample.csv", true, 7, true,
                        new ModelOverview.Expected(0.95, 0.41, 0.97, Map.of("affald", new ModelOverview.LabelFigures(28, 12, 12,
                                Map.of("0.99", new ModelOverview.Routed(9, 9))))),
                        null, null)));

        String json = MailJson.mapper().writeValueAsString(written);

        assertThat(json).doesNotContain("\"shadow\"", "\"feedbackRows\"");
        assertThat(ModelOverview.read(json)).isEqualTo(written);
    }

    @Test
    void aReaderIgnoresFieldsItDoesNotKnowAndReadsMissingFiguresAsZero() {
        ModelOverview read = ModelOverview.read("""
                {"current": "m-1", "retrainingState": "IDLE", "slices": [], "versions": [
                  {"version": "m-1", "trainedAt": "2026-12-07T10:00:00Z", "current": true, "modelCard": {"da": "…"}}]}""");

        assertThat(read.versions()).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo("m-1");
            assertThat(v.current()).isTrue();
            assertThat(v.expected()).isNull();
            assertThat(v.rows()).isZero();
            assertThat(v.sample()).isFalse();
        });
    }
}
