package dk.postfordeling.routing.destination.http;

import dk.postfordeling.routing.destination.FilingException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OAuth2 access token from a token endpoint (client credentials sent as HTTP Basic, grant
 * parameters as a form), kept until shortly before it expires. A destination that answers 401 makes
 * the caller {@link #invalidate()} the token and fetch a new one.
 */
public final class OAuth2Tokens {

    private static final Duration EARLY = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI tokenUri;
    private final String basicAuthorization;
    private final String form;
    private final Duration timeout;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    public OAuth2Tokens(HttpClient http, URI tokenUri, String clientId, String clientSecret, Map<String, String> grant,
            Duration timeout, Clock clock) {
        this.http = http;
        this.tokenUri = tokenUri;
        this.basicAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.form = grant.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A valid access token, fetched when there is none or it is about to expire. */
    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(expiresAt.minus(EARLY))) {
            fetch();
        }
        return token;
    }

    /** Forgets the token, e.g. after the destination answered 401. */
    public synchronized void invalidate() {
        token = null;
    }

    private void fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(timeout)
                .header("Authorization", basicAuthorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new FilingException.Unavailable("token endpoint unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FilingException.Unavailable("interrupted while fetching a token", e);
        }
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            // Wrong credentials will not heal by retrying this mail, but they are the installation's
            // fault, not the mail's: treat as unavailable so the circuit opens and mail waits.
            throw new FilingException.Unavailable("token endpoint refused the credentials (HTTP " + response.statusCode() + ")", null);
        }
        if (response.statusCode() != 200) {
            throw new FilingException.Unavailable("token endpoint answered HTTP " + response.statusCode(), null);
        }
        JsonNode body = JSON.readTree(response.body());
        if (!body.hasNonNull("access_token")) {
            throw new FilingException.Unavailable("token endpoint answered without access_token", null);
        }
        token = body.get("access_token").asString();
        long seconds = body.hasNonNull("expires_in") ? body.get("expires_in").asLong() : 300;
        expiresAt = clock.instant().plusSeconds(seconds);
    }
}
