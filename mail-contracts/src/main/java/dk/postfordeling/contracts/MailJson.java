package dk.postfordeling.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping used for wire messages: ISO-8601 instants, absent instead of null fields,
 * unknown fields ignored so that a consumer keeps working when a producer adds an optional field.
 */
public final class MailJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private MailJson() {
    }

    /** The shared, thread-safe mapper for wire messages. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
