package dk.postfordeling.intake.channel.limits;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * One answer for every body over intake's limit ({@code postfordeling.intake.limits.max-document-bytes},
 * which the multipart limits of the upload endpoint are set from too): 413 with a problem+json body.
 */
@RestControllerAdvice
public class RequestLimits {

    static final URI TYPE = URI.create("urn:postfordeling:problem:too-large");

    @ExceptionHandler(SizeLimitedInputStream.TooLargeException.class)
    ProblemDetail tooLarge(SizeLimitedInputStream.TooLargeException e) {
        return problem(e.limit());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e) {
        return problem(e.getMaxUploadSize());
    }

    /** 413 naming the limit in bytes. */
    public static ProblemDetail problem(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The message is larger than this endpoint's limit of " + limit + " bytes.");
        problem.setType(TYPE);
        problem.setTitle("Too large");
        return problem;
    }
}
