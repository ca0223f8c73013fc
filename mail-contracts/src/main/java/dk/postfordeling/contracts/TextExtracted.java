package dk.postfordeling.contracts;

import java.time.Instant;
import java.util.List;

/**
 * Text was extracted from a mail (topic {@code mail.extracted.v1}). This and the blob store are the
 * only places mail content travels. Schema: {@code schemas/v1/text-extracted.schema.json}.
 *
 * @param mailId           the mail
 * @param channel          how it arrived
 * @param originalRef      reference to the stored original
 * @param subject          subject line or title, may be empty
 * @param bodyText         the main text
 * @param attachments      text per attachment, in order of appearance
 * @param language         detected language of subject and body (ISO 639-1, e.g. {@code da}), or {@code und}
 * @param status           how far extraction got
 * @param problems         what could not be read; empty when {@code status} is {@code EXTRACTED}
 * @param cprNumbersFound  how many CPR numbers the text contains
 * @param hints            routing hints from the sender, or {@code null}
 * @param extractedAt      when extraction finished
 * @param receivedAt       when intake accepted the mail (since 1.2; {@code null} from older writers)
 */
public record TextExtracted(
        MailId mailId,
        Channel channel,
        String originalRef,
        String subject,
        String bodyText,
        List<AttachmentText> attachments,
        String language,
        ExtractionStatus status,
        List<ExtractionProblem> problems,
        int cprNumbersFound,
        RoutingHints hints,
        Instant extractedAt,
        Instant receivedAt) {

    public TextExtracted {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** A 1.1-shaped message: no arrival time. */
    public TextExtracted(MailId mailId, Channel channel, String originalRef, String subject, String bodyText,
            List<AttachmentText> attachments, String language, ExtractionStatus status, List<ExtractionProblem> problems,
            int cprNumbersFound, RoutingHints hints, Instant extractedAt) {
        this(mailId, channel, originalRef, subject, bodyText, attachments, language, status, problems, cprNumbersFound, hints,
                extractedAt, null);
    }
}
