package dk.postfordeling.contracts;

import java.util.List;

/**
 * The catalogue of every topic in the pipeline. Producers, consumers and tests use these constants
 * and nothing else. Every record is keyed by the mail id so that one mail's events stay in order.
 */
public final class Topics {

    private static final String SCHEMAS = "dk/postfordeling/contracts/schemas/v1/";

    /**
     * The topic names as compile-time constants, for annotations such as {@code @KafkaListener}
     * that cannot take a {@link Topic}. Everything else uses the {@link Topic} constants.
     */
    public static final class Names {
        public static final String MAIL_RECEIVED = "mail.received.v1";
        public static final String MAIL_EXTRACTED = "mail.extracted.v1";
        public static final String MAIL_CLASSIFIED = "mail.classified.v1";
        public static final String MAIL_ROUTED = "mail.routed.v1";
        public static final String MAIL_REVIEW_REQUESTED = "mail.review-requested.v1";
        public static final String MAIL_FEEDBACK = "mail.feedback.v1";
        public static final String MAIL_ERASED = "mail.erased.v1";

        private Names() {
        }
    }

    /** Intake accepted a mail and stored its original. */
    public static final Topic<MailReceived> MAIL_RECEIVED =
            new Topic<>(Names.MAIL_RECEIVED, MailReceived.class, SCHEMAS + "mail-received.schema.json");

    /** Intake extracted the mail's text. */
    public static final Topic<TextExtracted> MAIL_EXTRACTED =
            new Topic<>(Names.MAIL_EXTRACTED, TextExtracted.class, SCHEMAS + "text-extracted.schema.json");

    /** The classifier predicted a destination and decided ROUTE or REVIEW. */
    public static final Topic<MailClassified> MAIL_CLASSIFIED =
            new Topic<>(Names.MAIL_CLASSIFIED, MailClassified.class, SCHEMAS + "mail-classified.schema.json");

    /** Routing delivered a mail. */
    public static final Topic<MailRouted> MAIL_ROUTED =
            new Topic<>(Names.MAIL_ROUTED, MailRouted.class, SCHEMAS + "mail-routed.schema.json");

    /** Routing put a mail in the human-review queue. */
    public static final Topic<ReviewRequested> MAIL_REVIEW_REQUESTED =
            new Topic<>(Names.MAIL_REVIEW_REQUESTED, ReviewRequested.class, SCHEMAS + "review-requested.schema.json");

    /** Staff confirmed or corrected a label; the classifier's training data. */
    public static final Topic<RoutingCorrected> MAIL_FEEDBACK =
            new Topic<>(Names.MAIL_FEEDBACK, RoutingCorrected.class, SCHEMAS + "routing-corrected.schema.json");

    /** Routing erased a mail's content; every service drops what it keeps of the mail. */
    public static final Topic<MailErased> MAIL_ERASED =
            new Topic<>(Names.MAIL_ERASED, MailErased.class, SCHEMAS + "mail-erased.schema.json");

    /** Every topic, in pipeline order. */
    public static final List<Topic<?>> ALL = List.of(
            MAIL_RECEIVED, MAIL_EXTRACTED, MAIL_CLASSIFIED, MAIL_ROUTED, MAIL_REVIEW_REQUESTED, MAIL_FEEDBACK,
            MAIL_ERASED);

    private Topics() {
    }

    /** Every topic name including the dead-letter companions, for creating topics up front. */
    public static List<String> allNamesWithDeadLetters() {
        return ALL.stream().flatMap(t -> java.util.stream.Stream.of(t.name(), t.deadLetterName())).toList();
    }
}
