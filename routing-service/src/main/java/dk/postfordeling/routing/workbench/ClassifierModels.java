package dk.postfordeling.routing.workbench;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The classifier's models as an admin sees them: versions with their shadow evaluation against the
 * model in use, and retraining on demand. Reads classifier-service's model API.
 */
@Component
public class ClassifierModels {

    private static final Logger log = LoggerFactory.getLogger(ClassifierModels.class);

    /** An answer for the admin page. */
    public record Answer(boolean ok, String message) {
    }

    /** What the page shows: the classifier's model overview, or why it could not be read. */
    public record Overview(boolean reachable, String problem, Map<String, Object> models) {

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> versions() {
            Object versions = models == null ? null : models.get("versions");
            return versions instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        }
    }

    private final RestClient classifier;

    public ClassifierModels(WorkbenchProperties properties) {
        String classifierUri = properties.classifierUri();
        String clientId = properties.classifierClientId();
        String clientSecret = properties.classifierClientSecret();
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(2_000);
        requests.setReadTimeout(10_000);
        RestClient.Builder builder = RestClient.builder().baseUrl(classifierUri).requestFactory(requests);
        if (!clientId.isBlank()) {
            builder.defaultHeaders(headers -> headers.setBasicAuth(clientId, clientSecret, java.nio.charset.StandardCharsets.UTF_8));
        }
        this.classifier = builder.build();
    }

    public Overview overview() {
        try {
            Map<String, Object> models = classifier.get().uri("/api/v1/models").retrieve()
                    .body(new ParameterizedTypeReference<Map<String, Object>>() { });
            return new Overview(true, null, models);
        } catch (RestClientException e) {
            log.warn("classifier model overview unavailable: {}", e.getClass().getSimpleName());
            return new Overview(false, "Klassifikationstjenesten svarer ikke.", null);
        }
    }

    public Answer retrain() {
        try {
            Map<String, Object> started = classifier.post().uri("/api/v1/models/retraining").retrieve()
                    .body(new ParameterizedTypeReference<Map<String, Object>>() { });
            return new Answer(true, String.valueOf(started == null ? "Genoptræning startet." : started.getOrDefault("message", "Genoptræning startet.")));
        } catch (RestClientException e) {
            log.warn("retraining could not be started: {}", e.getClass().getSimpleName());
            return new Answer(false, "Genoptræning kunne ikke startes: klassifikationstjenesten svarer ikke eller er optaget.");
        }
    }
}
