package dk.postfordeling.contracts;

import java.time.Instant;
import java.util.List;

/** Named sample messages for tests in every module. Content is invented. */
public final class SampleMessages {

    public static final MailId MAIL = MailId.forContent("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    public static final String ORIGINAL = "blob:sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant AT = Instant.parse("2026-11-02T08:15:30Z");

    private SampleMessages() {
    }

    public static MailReceived parkingComplaintReceived() {
        return new MailReceived(MAIL, Channel.UPLOAD, AT, ORIGINAL, "message/rfc822", 4811,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "klage.eml",
                new RoutingHints("05.13.04", null, null, null));
    }

    public static TextExtracted parkingComplaintExtracted() {
        return new TextExtracted(MAIL, Channel.UPLOAD, ORIGINAL, "Parkeringsafgift",
                "Jeg har fået en parkeringsafgift og vil klage.",
                List.of(new AttachmentText("afgift.pdf", "application/pdf", "Kontrolafgift")),
                "da", ExtractionStatus.EXTRACTED, List.of(), 0,
                new RoutingHints("05.13.04", null, "CPR", "Parkering"), AT.plusSeconds(1));
    }

    public static MailClassified parkingComplaintClassified() {
        return new MailClassified(MAIL, Channel.UPLOAD, ORIGINAL,
                List.of(new LabelScore("parkering", 0.93), new LabelScore("affald", 0.05)),
                Decision.ROUTE, List.of(new DecisionReason("CONFIDENT", "Sikker nok.")),
                new Explanation("parkering", List.of(new ExplainingPhrase("parkeringsafgift", 1.7)), "Ordet peger mod parkering."),
                null, "sample-1", AT.plusSeconds(2),
                new MailContent("Klage over parkeringsafgift", "Jeg har fået en parkeringsafgift.\nKontrolafgift", 0, false, "da"));
    }

    public static MailRouted parkingComplaintRouted() {
        return new MailRouted(MAIL, "parkering",
                new Destination(DestinationType.FUNCTION_MAILBOX, "parkering", "parkering@kommune.example"),
                "<abc@kommune.example>", "MODEL", AT.plusSeconds(3));
    }

    public static ReviewRequested ambiguousMailReviewRequested() {
        return new ReviewRequested(MAIL, List.of(new DecisionReason("LOW_CONFIDENCE", "Usikker.")),
                List.of(new LabelScore("affald", 0.4)), AT.plusSeconds(3));
    }

    public static RoutingCorrected correctedToBuilding() {
        return new RoutingCorrected(MAIL, "affald", "byggesag", "rv_5a1d9c0e7b3f", AT.plusSeconds(60),
                "Ansøgning om tilladelse til carport.");
    }

    public static MailErased erasedOnRequest() {
        return new MailErased(MAIL, ORIGINAL, "REQUEST", AT.plusSeconds(3600));
    }

    /** One sample for every topic in the catalogue. */
    public static Object sampleFor(Topic<?> topic) {
        return switch (topic.name()) {
            case "mail.received.v1" -> parkingComplaintReceived();
            case "mail.extracted.v1" -> parkingComplaintExtracted();
            case "mail.classified.v1" -> parkingComplaintClassified();
            case "mail.routed.v1" -> parkingComplaintRouted();
            case "mail.review-requested.v1" -> ambiguousMailReviewRequested();
            case "mail.feedback.v1" -> correctedToBuilding();
            case "mail.erased.v1" -> erasedOnRequest();
            default -> throw new IllegalArgumentException("no sample for " + topic.name());
        };
    }
}
