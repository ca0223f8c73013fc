package dk.postfordeling.intake.channel.digitalpost;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.intake.acceptance.AcceptedMail;
import dk.postfordeling.intake.acceptance.InboundMail;
import dk.postfordeling.intake.acceptance.MailAcceptance;
import dk.postfordeling.intake.memo.MemoMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Digital Post channel in the style of KOMBIT's SF1606 "Modtag post": the receiving system exposes
 * an endpoint that takes one MeMo message (XML, MeMo 1.1 or 1.2) per request and answers with a
 * receipt. The message is stored unchanged; its documents and header hints (KLE subject key, case
 * id, sender id type, label) are read during extraction. A message that cannot be read as MeMo is
 * still accepted and reaches a person, because Digital Post must never be lost.
 */
@RestController
@RequestMapping("/api/v1/digital-post/messages")
class DigitalPostController {

    private final MailAcceptance acceptance;

    DigitalPostController(MailAcceptance acceptance) {
        this.acceptance = acceptance;
    }

    @PostMapping(consumes = {"application/xml", "text/xml", "application/octet-stream"})
    ResponseEntity<Receipt> receive(@RequestBody byte[] message) throws IOException {
        if (message.length == 0) {
            throw new EmptyMessageException();
        }
        String messageUuid = MemoMessage.parse(message).map(MemoMessage::messageUuid).orElse(null);
        AcceptedMail accepted = acceptance.accept(new InboundMail(new ByteArrayInputStream(message), Channel.DIGITAL_POST,
                "memo.xml", null));
        return ResponseEntity.accepted().body(new Receipt(accepted.received().mailId().toString(), messageUuid,
                accepted.duplicate() ? "DUPLICATE" : "RECEIVED"));
    }

    @ExceptionHandler(EmptyMessageException.class)
    ProblemDetail empty() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request holds no MeMo message.");
    }

    /**
     * Receipt for one message.
     *
     * @param mailId      the mail id in this system
     * @param messageUuid the MeMo message's own id, when it could be read
     * @param status      RECEIVED, or DUPLICATE when the same message was received before
     */
    record Receipt(String mailId, String messageUuid, String status) {
    }

    private static final class EmptyMessageException extends RuntimeException {
        EmptyMessageException() {
            super("empty message", null, false, false);
        }
    }
}
