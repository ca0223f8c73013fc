package dk.postfordeling.routing.destination.sbsys;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.routing.destination.Checkpoints;
import dk.postfordeling.routing.destination.DestinationAdapter;
import dk.postfordeling.routing.destination.FilingException;
import dk.postfordeling.routing.destination.http.BearerCalls;
import dk.postfordeling.routing.destination.http.OAuth2Tokens;
import dk.postfordeling.routing.table.Route;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Files a mail in an SBSYS case: finds the case by its number ({@code POST sag/search}), then
 * uploads the original with {@code POST dokument/journaliser} (multipart: {@code file} and
 * {@code json}) as an inbound document.
 *
 * <p>{@code journaliser} is not idempotent, so an upload is never blindly repeated: a checkpoint is
 * committed before it, and an upload whose outcome is unknown (timeout, dropped connection, 500)
 * is not retried — the mail goes to a person with that reason, to check the case. An upload SBSYS
 * clearly did not take (502, 503, 504, or no connection at all) is cleared and retried.
 */
public final class SbsysAdapter implements DestinationAdapter {

    private final SbsysProperties properties;
    private final BearerCalls calls;

    public SbsysAdapter(HttpClient http, SbsysProperties properties, Clock clock) {
        this.properties = properties;
        OAuth2Tokens tokens = new OAuth2Tokens(http, properties.tokenUri(), properties.clientId(), properties.clientSecret(),
                Map.of("grant_type", "password", "username", properties.username(), "password", properties.password()),
                properties.timeout(), clock);
        this.calls = new BearerCalls(http, tokens, properties.timeout(), "SBSYS");
    }

    @Override
    public DestinationType type() {
        return DestinationType.SBSYS;
    }

    @Override
    public String file(MailClassified mail, Route.ToDestination route, byte[] original, Checkpoints checkpoints) {
        if (checkpoints.get("document").isPresent()) {
            return checkpoints.get("document").get();
        }
        if (checkpoints.get("upload").filter("STARTED"::equals).isPresent()) {
            throw new FilingException.Rejected("an earlier upload to SBSYS case " + route.target()
                    + " ended without an answer; check the case before filing it again");
        }
        long caseId = caseId(route.target());
        String boundary = "postfordeling-" + mail.mailId();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("SagID", caseId);
        json.put("DokumentNavn", "Indgående post " + mail.mailId());
        json.put("Beskrivelse", "Fordelt automatisk af Postfordeling (mail-id " + mail.mailId() + ", model " + mail.modelVersion() + ")");
        json.put("OmfattetAfAktindsigt", true);
        Map<String, Object> kind = new LinkedHashMap<>();
        kind.put("Id", 1);
        kind.put("Navn", "Indgående");
        json.put("DokumentArt", kind);
        byte[] body = multipart(boundary, MailJson.mapper().writeValueAsString(json), original);
        checkpoints.save("upload", "STARTED");
        HttpResponse<byte[]> response;
        try {
            response = calls.call(() -> HttpRequest.newBuilder(properties.apiUri().resolve("dokument/journaliser"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)), "journaliser");
        } catch (FilingException.Unavailable e) {
            if (clearlyNotTaken(e)) {
                checkpoints.save("upload", "NOT_TAKEN");
            }
            throw e;
        } catch (FilingException.Rejected e) {
            checkpoints.save("upload", "NOT_TAKEN");
            throw e;
        }
        JsonNode answer = response.body().length == 0 ? null : MailJson.mapper().readTree(response.body());
        String document = answer != null && answer.hasNonNull("Id") ? "sbsys:dokument:" + answer.get("Id").asString()
                : "sbsys:sag:" + caseId;
        checkpoints.save("document", document);
        return document;
    }

    /** 502/503/504, no token or no connection: SBSYS never saw the upload. A timeout or a 500 leaves it unknown. */
    private static boolean clearlyNotTaken(FilingException.Unavailable e) {
        String message = e.getMessage();
        return message.endsWith("HTTP 502") || message.endsWith("HTTP 503") || message.endsWith("HTTP 504")
                || message.startsWith("token endpoint") || e.getCause() instanceof java.net.ConnectException;
    }

    private long caseId(String caseNumber) {
        HttpResponse<byte[]> response = calls.call(() -> HttpRequest.newBuilder(properties.apiUri().resolve("sag/search"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MailJson.mapper().writeValueAsString(Map.of("Nummer", caseNumber)))),
                "sag/search");
        JsonNode found = MailJson.mapper().readTree(response.body());
        JsonNode cases = found.isArray() ? found : found.path("Results");
        if (!cases.isArray() || cases.isEmpty() || !cases.get(0).hasNonNull("Id")) {
            throw new FilingException.Rejected("SBSYS has no case with number " + caseNumber);
        }
        return cases.get(0).get("Id").asLong();
    }

    private static byte[] multipart(String boundary, String json, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 1024);
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"json\"\r\n"
                + "Content-Type: application/json; charset=UTF-8\r\n\r\n" + json + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"original\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
