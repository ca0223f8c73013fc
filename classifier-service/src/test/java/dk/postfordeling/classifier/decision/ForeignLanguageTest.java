package dk.postfordeling.classifier.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.classifier.ClassifierProperties;
import dk.postfordeling.classifier.model.LabelledText;
import dk.postfordeling.classifier.model.Prediction;
import dk.postfordeling.classifier.model.SampleModel;
import dk.postfordeling.classifier.model.TextClassifier;
import dk.postfordeling.classifier.model.TrainingDataFiles;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.ExtractionStatus;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model trained on Danish mail only must not route text in other languages on a guess. */
class ForeignLanguageTest {

    @Test
    void textInOtherLanguagesGoesToAPersonOrIsRoutedCorrectly() throws Exception {
        // The service's sample model: Danish mail only.
        Path models = SampleModel.freshModelDirectory();
        Path danish = new dk.postfordeling.classifier.model.ModelRepository(models).current().orElseThrow();
        List<LabelledText> foreign;
        try (InputStream in = getClass().getResourceAsStream("/foreign/non-danish-mails.csv")) {
            foreign = TrainingDataFiles.readCsv(in, "non-danish-mails.csv");
        }
        DecisionPolicy policy = new DecisionPolicy(ClassifierProperties.defaults(models));

        int safe = 0;
        List<String> misrouted = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        try (TextClassifier classifier = TextClassifier.load(danish)) {
            for (LabelledText mail : foreign) {
                Prediction prediction = classifier.predict(mail.text());
                DecisionPolicy.Outcome outcome = policy.decide(prediction, ExtractionStatus.EXTRACTED);
                outcome.reasons().stream().map(DecisionReason::code).forEach(reasons::add);
                if (outcome.decision() == Decision.REVIEW || prediction.top().label().equals(mail.label())) {
                    safe++;
                } else {
                    misrouted.add(mail.text() + " -> " + prediction.top().label());
                }
            }
        }

        assertThat(foreign).hasSizeGreaterThanOrEqualTo(40);
        // At most 2 % routed to a wrong mailbox.
        assertThat((double) safe / foreign.size()).as("misrouted: %s", misrouted).isGreaterThanOrEqualTo(0.98);
        assertThat(reasons).as("it says why").contains("UNFAMILIAR_TEXT");
    }
}
