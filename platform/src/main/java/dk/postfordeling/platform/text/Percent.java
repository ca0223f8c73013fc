package dk.postfordeling.platform.text;

/**
 * The one way every service shows a probability as a whole percent. A confidence is rounded down and
 * a threshold up, so a figure never claims more certainty than there is: 0.995 is "99 %", never
 * "100 %", and a mail "99 % sure" is never shown above a threshold it did not reach.
 */
public final class Percent {

    private Percent() {
    }

    /** A confidence, rounded down: 0.689 → 68. */
    public static long confidence(double probability) {
        return (long) Math.floor(probability * 100 + 1e-9);
    }

    /** A threshold or target, rounded up: 0.951 → 96. */
    public static long threshold(double probability) {
        return (long) Math.ceil(probability * 100 - 1e-9);
    }
}
