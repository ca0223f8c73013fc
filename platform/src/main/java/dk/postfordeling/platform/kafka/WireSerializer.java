package dk.postfordeling.platform.kafka;

import dk.postfordeling.contracts.MailJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/**
 * Producer value serialiser for every wire message: JSON through {@link MailJson}, no type headers.
 * Raw bytes pass through unchanged so that a record that could not be read can be forwarded to its
 * dead-letter topic exactly as it arrived.
 */
public final class WireSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        try {
            return MailJson.mapper().writeValueAsBytes(data);
        } catch (JacksonException e) {
            throw new SerializationException("cannot write " + data.getClass().getSimpleName() + " for " + topic, e);
        }
    }
}
