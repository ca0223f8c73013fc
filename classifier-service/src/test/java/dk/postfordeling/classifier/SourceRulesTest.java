package dk.postfordeling.classifier;

import dk.postfordeling.testing.MainSources;
import org.junit.jupiter.api.Test;

/** Settings from typed configuration records, topic names from the catalogue (see {@link MainSources}). */
class SourceRulesTest {

    @Test
    void settingsAreTypedAndTopicNamesComeFromTheCatalogue() {
        MainSources.assertSettingsTypedAndTopicsFromTheCatalogue();
    }
}
