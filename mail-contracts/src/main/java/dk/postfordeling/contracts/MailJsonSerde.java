package dk.postfordeling.contracts;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/**
 * Kafka serialiser and deserialiser for one wire message type. No type headers are written: the
 * topic alone says what a record is, so no service depends on another's class names.
 *
 * <p>A record that cannot be read fails with a {@link SerializationException} whose message holds
 * no record content; consumers wrap this deserialiser so the record goes to the dead-letter topic
 * instead of blocking its partition.
 */
public final class MailJsonSerde<T> implements Serializer<T>, Deserializer<T> {

    private final Class<T> type;

    public MailJsonSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return MailJson.mapper().writeValueAsBytes(data);
        } catch (JacksonException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " for " + topic, e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return MailJson.mapper().readValue(data, type);
        } catch (JacksonException e) {
            // The Jackson message may quote the input; keep only the location.
            throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic
                    + " at " + e.getLocation());
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // Configured by its type alone.
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
