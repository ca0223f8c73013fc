package dk.postfordeling.intake.channel.upload;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.intake.acceptance.AcceptedMail;
import dk.postfordeling.intake.acceptance.InboundMail;
import dk.postfordeling.intake.acceptance.MailAcceptance;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * HTTP upload channel: {@code POST /api/v1/mails} with the raw file as multipart part {@code file}
 * ({@code .eml}, {@code .msg}, PDF, image, MeMo XML). Answers {@code 202 Accepted} with the mail id
 * once the original is stored and its arrival is on Kafka; extraction follows asynchronously.
 */
@RestController
@RequestMapping("/api/v1/mails")
class UploadController {

    private final MailAcceptance acceptance;

    UploadController(MailAcceptance acceptance) {
        this.acceptance = acceptance;
    }

    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<UploadAccepted> upload(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new EmptyUploadException();
        }
        AcceptedMail accepted;
        try (InputStream in = file.getInputStream()) {
            accepted = acceptance.accept(new InboundMail(in, Channel.UPLOAD, file.getOriginalFilename(), null));
        }
        String mailId = accepted.received().mailId().toString();
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/mails/" + mailId))
                .body(new UploadAccepted(mailId, accepted.duplicate() ? "DUPLICATE" : "ACCEPTED", accepted.received().sha256()));
    }

    @ExceptionHandler(EmptyUploadException.class)
    ProblemDetail emptyUpload() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The uploaded file is empty.");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingFile() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Send the mail as multipart/form-data with the file in the part named 'file'.");
    }

    @ExceptionHandler(IOException.class)
    ProblemDetail notStored(IOException e) {
        // Nothing was acknowledged; the sender must retry. The cause is logged without content.
        org.slf4j.LoggerFactory.getLogger(UploadController.class).warn("upload not accepted: {}", e.getClass().getSimpleName());
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The mail could not be stored safely right now. Nothing was accepted; please retry.");
    }

    /** Body of a 202 answer; {@code status} is ACCEPTED, or DUPLICATE when the same original was accepted before. */
    record UploadAccepted(String mailId, String status, String sha256) {
    }

    private static final class EmptyUploadException extends RuntimeException {
        EmptyUploadException() {
            super("empty upload", null, false, false);
        }
    }
}
