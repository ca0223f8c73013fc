package dk.postfordeling.platform.logging;

import org.slf4j.MDC;

/**
 * Puts the mail id in the logging context so every line about a mail can be found by its id,
 * without logging anything about its content.
 */
public final class MailLogContext implements AutoCloseable {

    /** MDC key of the mail id. */
    public static final String MAIL_ID = "mailId";

    private MailLogContext() {
    }

    public static MailLogContext open(Object mailId) {
        MDC.put(MAIL_ID, String.valueOf(mailId));
        return new MailLogContext();
    }

    @Override
    public void close() {
        MDC.remove(MAIL_ID);
    }
}
