package dk.postfordeling.intake.channel.digitalpost;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.intake.acceptance.AcceptedMail;
import dk.postfordeling.intake.acceptance.InboundMail;
import dk.postfordeling.intake.acceptance.MailAcceptance;
import dk.postfordeling.intake.memo.MemoMessage;
import dk.postfordeling.intake.IntakeProperties;
import dk.postfordeling.intake.channel.limits.SizeLimitedInputStream;
import dk.postfordeling.platform.blob.BlobStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
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
    private final BlobStore blobStore;
    private final long maxBytes;

    DigitalPostController(MailAcceptance acceptance, BlobStore blobStore, IntakeProperties properties) {
        this.acceptance = acceptance;
        this.blobStore = blobStore;
        this.maxBytes = properties.limits().maxDocumentBytes();
    }

    /**
     * Streams the body into the blob store, refusing it (413) as soon as it passes the limit: a
     * message is never held in memory whole. The receipt's MeMo id is read from the stored copy by a
     * streaming parser that stops at the header.
     */
    @PostMapping(consumes = {"application/xml", "text/xml", "application/octet-stream"})
    ResponseEntity<Receipt> receive(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw new SizeLimitedInputStream.TooLargeException(maxBytes);
        }
        PushbackInputStream body = new PushbackInputStream(new SizeLimitedInputStream(request.getInputStream(), maxBytes), 1);
        int first = body.read();
        if (first < 0) {
            throw new EmptyMessageException();
        }
        body.unread(first);
        AcceptedMail accepted = acceptance.accept(new InboundMail(body, Channel.DIGITAL_POST, "memo.xml", null));
        String messageUuid;
        try (InputStream stored = blobStore.open(accepted.received().originalRef())) {
            messageUuid = MemoMessage.readMessageUuid(stored).orElse(null);
        }
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
