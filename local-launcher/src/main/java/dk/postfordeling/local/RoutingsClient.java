package dk.postfordeling.local;

import dk.postfordeling.contracts.MailJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;

/** Reads routing-service's list of recent outcomes ({@code GET /api/v1/routings}) as local mode's OPS user. */
public final class RoutingsClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI routings;

    public RoutingsClient(int routingPort) {
        this.routings = URI.create("http://localhost:" + routingPort + "/api/v1/routings?limit=500");
    }

    public List<Map<String, Object>> recent() throws IOException {
        try {
            String credentials = PipelineServices.LOCAL_OPS + ":" + PipelineServices.LOCAL_PASSWORD;
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(routings).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("routing-service answered HTTP " + response.statusCode());
            }
            return MailJson.mapper().readValue(response.body(), new TypeReference<List<Map<String, Object>>>() { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public Optional<Map<String, Object>> outcomeOf(String mailId) throws IOException {
        return recent().stream().filter(r -> mailId.equals(r.get("mailId"))).findFirst();
    }
}
