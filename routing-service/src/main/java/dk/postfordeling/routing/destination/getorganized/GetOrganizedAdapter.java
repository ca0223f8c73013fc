package dk.postfordeling.routing.destination.getorganized;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.routing.destination.Checkpoints;
import dk.postfordeling.routing.destination.DestinationAdapter;
import dk.postfordeling.routing.destination.FilingException;
import dk.postfordeling.routing.destination.OriginalFile;
import dk.postfordeling.routing.destination.http.HttpCalls;
import dk.postfordeling.routing.table.Route;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Files a mail in a GetOrganized case: {@code AddToDocumentLibrary} with the original's bytes, then
 * {@code Finalize/ByDocumentId} so the document is journalised. The file name is derived from the
 * mail id and {@code Overwrite} is true, so repeating an upload whose answer was lost replaces the
 * same document instead of adding a second one; the returned DocId is a checkpoint, so finalising
 * is repeated on its own.
 */
public final class GetOrganizedAdapter implements DestinationAdapter {

    private final HttpClient http;
    private final GetOrganizedProperties properties;
    private final String authorization;

    public GetOrganizedAdapter(HttpClient http, GetOrganizedProperties properties) {
        this.http = http;
        this.properties = properties;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((properties.username() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public DestinationType type() {
        return DestinationType.GET_ORGANIZED;
    }

    @Override
    public String file(MailClassified mail, Route.ToDestination route, byte[] original, Checkpoints checkpoints) {
        String docId = checkpoints.get("doc-id").orElse(null);
        if (docId == null) {
            Map<String, Object> add = new LinkedHashMap<>();
            int[] bytes = new int[original.length];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = original[i] & 0xff;
            }
            add.put("bytes", bytes);
            add.put("CaseId", route.target());
            add.put("ListName", properties.listName());
            add.put("FileName", "postfordeling-" + mail.mailId() + OriginalFile.extension(original));
            add.put("Metadata", "<z:row xmlns:z=\"#RowsetSchema\" ows_Title=\"Indgående post " + mail.mailId() + "\" />");
            add.put("Overwrite", true);
            JsonNode answer = post("/_goapi/Documents/AddToDocumentLibrary", add, "AddToDocumentLibrary");
            if (answer == null || !answer.hasNonNull("DocId")) {
                throw new FilingException.Unavailable("GetOrganized AddToDocumentLibrary answered without DocId", null);
            }
            docId = answer.get("DocId").asString();
            checkpoints.save("doc-id", docId);
        }
        if (checkpoints.get("finalized").isEmpty()) {
            post("/_goapi/Documents/Finalize/ByDocumentId", Map.of("DocId", Long.parseLong(docId)), "Finalize");
            checkpoints.save("finalized", "true");
        }
        return "getorganized:" + route.target() + ":" + docId;
    }

    private JsonNode post(String path, Object body, String what) {
        HttpRequest request = HttpRequest.newBuilder(properties.baseUri().resolve(path))
                .timeout(properties.timeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MailJson.mapper().writeValueAsString(body)))
                .build();
        HttpResponse<byte[]> response = HttpCalls.send(http, request, "GetOrganized " + what);
        HttpCalls.failUnlessSuccessful(response, "GetOrganized " + what);
        return response.body().length == 0 ? null : MailJson.mapper().readTree(response.body());
    }
}
