package dk.postfordeling.routing.destination;

/**
 * Filing did not succeed. {@link Rejected}: the destination refused the mail for a reason a retry
 * cannot change (400, unknown case) — the mail goes to a person. {@link Unavailable}: the destination
 * could not be reached or failed (5xx, timeout) — the mail is tried again later.
 */
public abstract sealed class FilingException extends RuntimeException permits FilingException.Rejected, FilingException.Unavailable {

    protected FilingException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Permanent: not retried; the reason is shown to the person who gets the mail. */
    public static final class Rejected extends FilingException {
        public Rejected(String message) {
            super(message, null);
        }
    }

    /** Transient: retried with back-off; counts toward the circuit breaker. */
    public static final class Unavailable extends FilingException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
