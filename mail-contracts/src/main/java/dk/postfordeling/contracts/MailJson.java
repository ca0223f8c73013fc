package dk.postfordeling.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping used for wire messages: ISO-8601 instants, absent instead of null fields,
 * unknown fields ignored so that a consumer keeps working when a producer adds an optional field, and
 * unknown enum values read as the enum's default ({@code UNKNOWN}, or the safe choice) for the same reason.
 */
public final class MailJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A value a newer producer added reads as the enum's UNKNOWN (or its safe default) instead of failing.
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
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
