package dk.postfordeling.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of one inbound mail through the whole pipeline, and the key of every Kafka record
 * about it. It carries no personal data.
 */
public record MailId(UUID value) {

    public MailId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The id of a mail whose original has this SHA-256 digest. The same bytes always get the same
     * id, which makes intake idempotent: an upload repeated after a timeout is one mail, not two.
     */
    public static MailId forContent(String sha256) {
        return new MailId(UUID.nameUUIDFromBytes(("postfordeling:mail:" + sha256).getBytes(StandardCharsets.US_ASCII)));
    }

    @JsonCreator
    public static MailId of(String value) {
        return new MailId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
