package dk.postfordeling.routing.destination.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Calls with an OAuth2 bearer token: a 401 (token expired or revoked) fetches a new token and tries once more. */
public final class BearerCalls {

    private final HttpClient http;
    private final OAuth2Tokens tokens;
    private final Duration timeout;
    private final String system;

    public BearerCalls(HttpClient http, OAuth2Tokens tokens, Duration timeout, String system) {
        this.http = http;
        this.tokens = tokens;
        this.timeout = timeout;
        this.system = system;
    }

    /** The successful (2xx or 3xx) response; failures as {@link HttpCalls#failUnlessSuccessful}. */
    public HttpResponse<byte[]> call(Supplier<HttpRequest.Builder> request, String what) {
        HttpResponse<byte[]> response = HttpCalls.send(http, authorised(request), system + " " + what);
        if (response.statusCode() == 401) {
            tokens.invalidate();
            response = HttpCalls.send(http, authorised(request), system + " " + what);
        }
        HttpCalls.failUnlessSuccessful(response, system + " " + what);
        return response;
    }

    private HttpRequest authorised(Supplier<HttpRequest.Builder> request) {
        return request.get().timeout(timeout).header("Authorization", "Bearer " + tokens.token()).build();
    }
}
