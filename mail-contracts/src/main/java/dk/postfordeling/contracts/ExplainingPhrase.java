package dk.postfordeling.contracts;

/**
 * A word or phrase of the mail and how much it pushed the prediction toward the explained label.
 * Personal data (CPR numbers, e-mail addresses, phone numbers) never appears: it is replaced by
 * placeholders before the model sees the text.
 */
public record ExplainingPhrase(String phrase, double weight) {
}
