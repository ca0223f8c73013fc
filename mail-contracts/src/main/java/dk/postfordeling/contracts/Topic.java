package dk.postfordeling.contracts;

import java.util.Objects;

/**
 * A Kafka topic of the pipeline: its name (carrying the schema's major version), the record type of
 * its values and the JSON Schema file that defines them. Keys are always the {@link MailId}.
 *
 * @param name       topic name, e.g. {@code mail.classified.v1}
 * @param valueType  the record the value maps to
 * @param schemaPath class-path location of the value's JSON Schema
 */
public record Topic<T>(String name, Class<T> valueType, String schemaPath) {

    /** Suffix of every topic's dead-letter companion. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(schemaPath, "schemaPath");
    }

    /** Name of the dead-letter topic that holds this topic's records that could not be processed. */
    public String deadLetterName() {
        return name + DEAD_LETTER_SUFFIX;
    }

    /** A serialiser/deserialiser for this topic's values. */
    public MailJsonSerde<T> serde() {
        return new MailJsonSerde<>(valueType);
    }
}
