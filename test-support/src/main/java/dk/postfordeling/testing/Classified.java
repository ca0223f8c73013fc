package dk.postfordeling.testing;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.Explanation;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailContent;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.RoutingHints;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Named {@link MailClassified} fixtures for tests: {@code Classified.routeTo("parkering").build()}
 * is a mail the classifier is sure of; {@code Classified.reviewOf("skole", 0.41)} one it hands to a
 * person. Each setter changes one thing, so a test says what matters to it and nothing else.
 */
public final class Classified {

    private MailId mailId = new MailId(UUID.randomUUID());
    private Channel channel = Channel.UPLOAD;
    private String originalRef = "blob://test/original.eml";
    private String label;
    private double confidence;
    private Decision decision;
    private List<DecisionReason> reasons;
    private RoutingHints hints;
    private MailContent content;
    private String modelVersion = "test-model-1";
    private Instant receivedAt;

    private Classified(String label, double confidence, Decision decision, DecisionReason reason) {
        this.label = label;
        this.confidence = confidence;
        this.decision = decision;
        this.reasons = List.of(reason);
    }

    /** A mail the classifier routes to {@code label} at 0.97. */
    public static Classified routeTo(String label) {
        return new Classified(label, 0.97, Decision.ROUTE, new DecisionReason("CONFIDENT", "Sikker nok."));
    }

    /** A mail the classifier hands to a person, suggesting {@code label} at {@code confidence}. */
    public static Classified reviewOf(String label, double confidence) {
        return new Classified(label, confidence, Decision.REVIEW, new DecisionReason("LOW_CONFIDENCE", "For usikker."));
    }

    public Classified confidence(double value) {
        this.confidence = value;
        return this;
    }

    public Classified id(MailId value) {
        this.mailId = value;
        return this;
    }

    public Classified channel(Channel value) {
        this.channel = value;
        return this;
    }

    /** The stored original: the mail's id comes from its content, as intake gives it. */
    public Classified original(String sha256, String ref) {
        this.mailId = MailId.forContent(sha256);
        this.originalRef = ref;
        return this;
    }

    /** The mail's subject and text, with {@code cprNumbers} CPR numbers found in it. */
    public Classified content(String subject, String text, int cprNumbers) {
        this.content = new MailContent(subject, text, cprNumbers, false, "da");
        return this;
    }

    /** The language intake detected (ISO 639-1); the content is kept, or an empty one made. */
    public Classified language(String code) {
        MailContent current = content == null ? new MailContent("", "", 0, false, null) : content;
        this.content = new MailContent(current.subject(), current.text(), current.cprNumbersFound(), current.truncated(), code);
        return this;
    }

    /** A Digital Post sender's KLE subject key. */
    public Classified kle(String kleNumber) {
        this.hints = new RoutingHints(kleNumber, null, "CPR", "Henvendelse", null);
        return this;
    }

    public Classified model(String version) {
        this.modelVersion = version;
        return this;
    }

    /** When intake accepted the mail (default: not said, as before schema 1.4). */
    public Classified receivedAt(Instant value) {
        this.receivedAt = value;
        return this;
    }

    public MailClassified build() {
        // The runner-up shares what the top label leaves, so the scores still sum to at most 1.
        List<LabelScore> predictions = List.of(new LabelScore(label, confidence),
                new LabelScore(label.equals("byggeri") ? "parkering" : "byggeri", (1 - confidence) / 2));
        return new MailClassified(mailId, channel, originalRef, predictions, decision, reasons,
                new Explanation(label, List.of(), "Test."), hints, modelVersion, Instant.now(), content, receivedAt);
    }
}
