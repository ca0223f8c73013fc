package dk.postfordeling.contracts;

/**
 * What a mail says, as the classifier read it: carried in the mail's own {@link MailClassified} so
 * that routing can apply its always-review rules and staff can read it in the review workbench.
 * Personal data: never logged, never a metric tag or a key.
 *
 * @param subject         the subject, if any
 * @param text            body and the start of each attachment (capped, see {@code truncated})
 * @param cprNumbersFound how many CPR numbers intake found in the mail
 * @param truncated       whether {@code text} was cut to fit the event
 * @param language        since 1.2: the language intake detected (ISO 639-1, or {@code und}), or {@code null}
 */
public record MailContent(String subject, String text, int cprNumbersFound, boolean truncated, String language) {

    /** Content without the detected language (schema 1.1). */
    public MailContent(String subject, String text, int cprNumbersFound, boolean truncated) {
        this(subject, text, cprNumbersFound, truncated, null);
    }
}
