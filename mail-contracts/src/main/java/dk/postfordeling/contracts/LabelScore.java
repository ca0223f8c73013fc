package dk.postfordeling.contracts;

/**
 * A candidate label (function mailbox key or KLE topic) with its calibrated probability.
 */
public record LabelScore(String label, double probability) {
}
