package dk.postfordeling.intake.extraction;

import dk.postfordeling.contracts.AttachmentText;
import dk.postfordeling.contracts.ExtractionProblem;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.RoutingHints;
import java.util.List;

/**
 * The text of one mail, as the extractor found it.
 *
 * @param subject     subject or title, empty when there is none
 * @param bodyText    main text
 * @param attachments text per attachment
 * @param language    ISO 639-1 language of subject and body, or {@code und}
 * @param status      how far extraction got
 * @param problems    what could not be read
 * @param hints       routing hints found in the mail itself (a MeMo header), or {@code null}
 */
public record ExtractedText(
        String subject,
        String bodyText,
        List<AttachmentText> attachments,
        String language,
        ExtractionStatus status,
        List<ExtractionProblem> problems,
        RoutingHints hints) {

    /** Every piece of text, for counting and searching. */
    public String allText() {
        StringBuilder all = new StringBuilder(subject).append('\n').append(bodyText);
        attachments.forEach(a -> all.append('\n').append(a.text()));
        return all.toString();
    }
}
