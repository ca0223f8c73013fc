package dk.postfordeling.intake.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * Checks that an e-mail's MIME structure is sound. Tika reads broken MIME leniently and can return
 * the raw MIME text as if it were the body; such a mail must be flagged so a person looks at it.
 */
final class MimeStructure {

    private static final MimeConfig STRICT = MimeConfig.custom()
            .setStrictParsing(true)
            .setMaxLineLen(-1)
            .setMaxHeaderLen(-1)
            .setMaxHeaderCount(-1)
            .build();

    private MimeStructure() {
    }

    /** Why the structure is broken, or empty when it is sound. */
    static Optional<String> problemIn(byte[] message) {
        MimeTokenStream stream = new MimeTokenStream(STRICT);
        stream.parse(new ByteArrayInputStream(message));
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                // walk every part
            }
            return Optional.empty();
        } catch (MimeException | IOException e) {
            return Optional.of(e.getClass().getSimpleName());
        }
    }
}
