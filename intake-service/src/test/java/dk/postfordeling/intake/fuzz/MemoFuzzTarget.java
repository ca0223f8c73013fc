package dk.postfordeling.intake.fuzz;

import dk.postfordeling.intake.memo.MemoMessage;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * Fuzz target of {@code bench/fuzz.sh} (Jazzer): the MeMo reader, on bytes that Serviceplatformen
 * or an attacker could post. It must answer "not MeMo" for anything it cannot read, never throw,
 * and the streaming receipt reader must agree with the full reader on the message id.
 */
public final class MemoFuzzTarget {

    private MemoFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] input) {
        Optional<MemoMessage> memo = MemoMessage.parse(input);
        Optional<String> uuid = MemoMessage.readMessageUuid(new ByteArrayInputStream(input));
        if (memo.isPresent() && memo.get().messageUuid() != null && !uuid.equals(Optional.of(memo.get().messageUuid()))) {
            throw new IllegalStateException("the receipt's message id " + uuid + " differs from the message's " + memo.get().messageUuid());
        }
        if (memo.isPresent() && memo.get().files() == null) {
            throw new IllegalStateException("a message without a file list");
        }
    }
}
