package dk.postfordeling.routing.workbench;

import dk.postfordeling.contracts.http.ModelOverview;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    public record Overview(boolean reachable, String problem, ModelOverview models) {

        public List<ModelOverview.Version> versions() {
            return models == null ? List.of() : models.versions();
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
            return new Overview(true, null, ModelOverview.read(classifier.get().uri("/api/v1/models").retrieve().body(String.class)));
        } catch (RestClientException | tools.jackson.core.JacksonException e) {
            log.warn("classifier model overview unavailable: {}", e.getClass().getSimpleName());
            return new Overview(false, "Klassifikationstjenesten svarer ikke.", null);
        }
    }

    /** One version's model card facts; empty when the classifier has no such version. */
    public java.util.Optional<dk.postfordeling.contracts.http.ModelCard> card(String version) {
        try {
            String json = classifier.get().uri("/api/v1/models/{version}/card", version).retrieve().body(String.class);
            return java.util.Optional.of(dk.postfordeling.contracts.http.ModelCard.read(json));
        } catch (org.springframework.web.client.HttpClientErrorException.NotFound e) {
            return java.util.Optional.empty();
        }
    }

    public Answer retrain() {
        try {
            ModelOverview.RetrainingAnswer started = classifier.post().uri("/api/v1/models/retraining").retrieve()
                    .body(ModelOverview.RetrainingAnswer.class);
            return new Answer(true, started == null || started.message() == null ? "Genoptræning startet." : started.message());
        } catch (RestClientException e) {
            log.warn("retraining could not be started: {}", e.getClass().getSimpleName());
            return new Answer(false, "Genoptræning kunne ikke startes: klassifikationstjenesten svarer ikke eller er optaget.");
        }
    }
}
