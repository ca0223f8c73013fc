package dk.postfordeling.routing.destination.http;

import dk.postfordeling.routing.destination.FilingException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/** Sends a request to a destination and sorts its failures into retried and not retried. */
public final class HttpCalls {

    private HttpCalls() {
    }

    /** The response; a network failure or timeout is {@link FilingException.Unavailable}. */
    public static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new FilingException.Unavailable(what + ": no answer within " + request.timeout().map(Object::toString).orElse("the timeout"), e);
        } catch (IOException e) {
            throw new FilingException.Unavailable(what + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FilingException.Unavailable(what + ": interrupted", e);
        }
    }

    /**
     * Throws for a failed answer: 5xx, 408 and 429 are {@link FilingException.Unavailable}; any other
     * 4xx is {@link FilingException.Rejected} (the request itself is wrong for this destination).
     */
    public static void failUnlessSuccessful(HttpResponse<?> response, String what) {
        int status = response.statusCode();
        if (status >= 200 && status < 400) {
            return;
        }
        if (status >= 500 || status == 408 || status == 429) {
            throw new FilingException.Unavailable(what + ": HTTP " + status, null);
        }
        throw new FilingException.Rejected(what + ": HTTP " + status);
    }
}
