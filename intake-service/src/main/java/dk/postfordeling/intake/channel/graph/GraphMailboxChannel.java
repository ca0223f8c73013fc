package dk.postfordeling.intake.channel.graph;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.intake.acceptance.AcceptedMail;
import dk.postfordeling.intake.acceptance.InboundMail;
import dk.postfordeling.intake.acceptance.MailAcceptance;
import dk.postfordeling.intake.channel.PolledChannel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads a shared mailbox through Microsoft Graph, the second mailbox adapter beside IMAP: lists
 * the folder's messages, takes each as raw MIME ({@code GET /users/{upn}/messages/{id}/$value}),
 * accepts it, and only then moves it to the processed folder ({@code POST …/move}). A message that
 * could not be accepted stays and is tried again at the next poll.
 */
@Component
@ConditionalOnProperty(name = "postfordeling.intake.graph.enabled", havingValue = "true")
class GraphMailboxChannel implements PolledChannel {

    private static final Logger log = LoggerFactory.getLogger(GraphMailboxChannel.class);
    private static final long TOKEN_MARGIN_SECONDS = 60;

    private final GraphProperties properties;
    private final MailAcceptance acceptance;
    private final Clock clock;
    private final RestClient http = RestClient.create();
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    GraphMailboxChannel(GraphProperties properties, MailAcceptance acceptance, Clock clock) {
        this.properties = properties;
        this.acceptance = acceptance;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL_GRAPH;
    }

    @Override
    public java.time.Duration pollInterval() {
        return properties.pollInterval();
    }

    @Override
    public void scheduledPoll() {
        try {
            poll();
        } catch (IOException | RuntimeException e) {
            log.warn("Graph poll of the shared mailbox failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public int poll() throws IOException {
        String user = properties.graphUrl() + "/users/" + properties.mailbox();
        Map<?, ?> page;
        try {
            page = http.get()
                    .uri(user + "/mailFolders/" + properties.folder() + "/messages?$select=id&$top=" + properties.batchSize())
                    .header("Authorization", "Bearer " + token())
                    .retrieve().body(Map.class);
        } catch (RestClientException e) {
            throw new IOException("Graph list failed", e);
        }
        List<?> messages = page == null ? List.of() : (List<?>) page.get("value");
        int accepted = 0;
        for (Object message : messages) {
            String id = (String) ((Map<?, ?>) message).get("id");
            String path = user + "/messages/" + id;
            try {
                byte[] mime = http.get().uri(path + "/$value").header("Authorization", "Bearer " + token())
                        .retrieve().body(byte[].class);
                AcceptedMail mail = acceptance.accept(new InboundMail(new ByteArrayInputStream(mime), Channel.EMAIL_GRAPH,
                        "mail.eml", null));
                http.post().uri(path + "/move").header("Authorization", "Bearer " + token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("destinationId", properties.processedFolder()))
                        .retrieve().toBodilessEntity();
                accepted += mail.duplicate() ? 0 : 1;
            } catch (RestClientException e) {
                throw new IOException("Graph message handling failed", e);
            }
        }
        if (accepted > 0) {
            log.info("Graph poll accepted {} mails", accepted);
        }
        return accepted;
    }

    private synchronized String token() {
        if (token == null || clock.instant().isAfter(tokenExpires)) {
            LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", properties.clientId());
            form.add("client_secret", properties.clientSecret());
            form.add("scope", properties.scope());
            Map<?, ?> answer = http.post().uri(properties.tokenUrl()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form).retrieve().body(Map.class);
            token = (String) answer.get("access_token");
            long lifetime = ((Number) answer.get("expires_in")).longValue();
            tokenExpires = clock.instant().plusSeconds(Math.max(0, lifetime - TOKEN_MARGIN_SECONDS));
        }
        return token;
    }
}
