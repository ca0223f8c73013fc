package dk.postfordeling.intake.extraction;

import dk.postfordeling.contracts.AttachmentText;
import dk.postfordeling.contracts.ExtractionProblem;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.contracts.TextExtracted;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a {@code TextExtracted} below the Kafka record limit. A long document (a 5 MB text
 * attachment, a zip bomb's output) would otherwise make a record the broker refuses, and the mail
 * would end on a dead-letter topic instead of with a person. Text is cut from the end, attachments
 * last first, and the mail is marked {@code TEXT_TRUNCATED} (so PARTIAL, and reviewed); the stored
 * original stays whole.
 */
final class RecordBudget {

    /** Room left in the record for what the classifier adds (predictions, reasons, explanation). */
    static final int CLASSIFIER_HEADROOM_BYTES = 64 * 1024;

    private RecordBudget() {
    }

    /** The mail as it is when it fits in {@code maxBytes} of JSON, otherwise with its text cut until it does. */
    static TextExtracted fit(TextExtracted mail, int maxBytes) {
        int budget = maxBytes - CLASSIFIER_HEADROOM_BYTES;
        if (upperBound(mail) <= budget) {
            return mail; // ordinary mail: no need to write it out to know that it fits
        }
        int size = sizeOf(mail);
        TextExtracted fitted = mail;
        // Each round removes at least the overshoot (JSON escapes and multi-byte characters make the
        // size of a cut hard to know in advance), so a few rounds always suffice.
        for (int round = 0; size > budget; round++) {
            long overshoot = size - (long) budget + (round + 1) * 1024L;
            TextExtracted shorter = cut(fitted, overshoot);
            int shorterSize = sizeOf(shorter);
            if (shorterSize >= size) {
                break; // no text left to cut
            }
            fitted = shorter;
            size = shorterSize;
        }
        return fitted == mail ? mail : marked(fitted);
    }

    /**
     * More than the mail's JSON can take: no character of a string takes more than 6 bytes
     * ({@code \\uXXXX}), and ids, times, enums and field names stay well within the 4 KiB margin.
     */
    private static long upperBound(TextExtracted mail) {
        long chars = length(mail.subject()) + length(mail.bodyText()) + length(mail.language());
        for (AttachmentText a : mail.attachments()) {
            chars += length(a.name()) + length(a.mediaType()) + length(a.text()) + 64;
        }
        for (ExtractionProblem p : mail.problems()) {
            chars += length(p.code()) + length(p.detail()) + 64;
        }
        if (mail.hints() != null) {
            chars += length(mail.hints().kleNumber()) + length(mail.hints().caseId()) + length(mail.hints().senderIdType())
                    + length(mail.hints().messageLabel()) + length(mail.hints().caseSystem()) + 128;
        }
        return 6 * chars + 4 * 1024;
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }

    static int sizeOf(TextExtracted mail) {
        return MailJson.mapper().writeValueAsBytes(mail).length;
    }

    /** Removes at least {@code bytes} of JSON from the end of the text: last attachment first, then the body, then the subject. */
    private static TextExtracted cut(TextExtracted mail, long bytes) {
        long[] left = {bytes};
        List<AttachmentText> attachments = new ArrayList<>(mail.attachments());
        for (int i = attachments.size() - 1; i >= 0 && left[0] > 0; i--) {
            AttachmentText a = attachments.get(i);
            attachments.set(i, new AttachmentText(a.name(), a.mediaType(), shorten(a.text(), left)));
        }
        String body = shorten(mail.bodyText(), left);
        String subject = shorten(mail.subject(), left);
        return new TextExtracted(mail.mailId(), mail.channel(), mail.originalRef(), subject, body, attachments,
                mail.language(), mail.status(), mail.problems(), mail.cprNumbersFound(), mail.hints(), mail.extractedAt(), mail.receivedAt());
    }

    private static TextExtracted marked(TextExtracted mail) {
        List<ExtractionProblem> problems = new ArrayList<>(mail.problems());
        ExtractionProblem truncated = ExtractionProblems.textTruncatedForTheRecord();
        if (problems.stream().noneMatch(p -> p.code().equals(truncated.code()))) {
            problems.add(truncated);
        }
        ExtractionStatus status = mail.status() == ExtractionStatus.EXTRACTED ? ExtractionStatus.PARTIAL : mail.status();
        return new TextExtracted(mail.mailId(), mail.channel(), mail.originalRef(), mail.subject(), mail.bodyText(),
                mail.attachments(), mail.language(), status, problems, mail.cprNumbersFound(), mail.hints(), mail.extractedAt(),
                mail.receivedAt());
    }

    /**
     * The longest start of {@code text} that is at least {@code left[0]} bytes of JSON shorter (or
     * empty), never splitting a surrogate pair; {@code left[0]} is reduced by what was removed.
     */
    static String shorten(String text, long[] left) {
        if (left[0] <= 0 || text == null || text.isEmpty()) {
            return text;
        }
        long whole = jsonLength(text);
        long target = whole - left[0];
        String kept = "";
        if (target > 2) {
            int lo = 0;
            int hi = text.length();
            while (lo < hi) { // the largest prefix whose JSON fits in target
                int mid = (lo + hi + 1) >>> 1;
                if (jsonLength(prefix(text, mid)) <= target) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            kept = prefix(text, lo);
        }
        left[0] -= whole - jsonLength(kept);
        return kept;
    }

    private static String prefix(String text, int end) {
        return end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))
                ? text.substring(0, end - 1) : text.substring(0, end);
    }

    static long jsonLength(String text) {
        return MailJson.mapper().writeValueAsBytes(text).length;
    }
}
