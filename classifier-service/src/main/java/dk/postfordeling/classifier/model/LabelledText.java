package dk.postfordeling.classifier.model;

/** One training or evaluation example. */
public record LabelledText(String text, String label) {
}
