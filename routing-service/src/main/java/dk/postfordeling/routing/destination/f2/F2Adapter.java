package dk.postfordeling.routing.destination.f2;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.routing.destination.Checkpoints;
import dk.postfordeling.routing.destination.DestinationAdapter;
import dk.postfordeling.routing.destination.FilingException;
import dk.postfordeling.routing.destination.OriginalFile;
import dk.postfordeling.routing.destination.http.BearerCalls;
import dk.postfordeling.routing.destination.http.OAuth2Tokens;
import dk.postfordeling.routing.table.Route;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Files a mail in cBrain F2 as an inbound matter (akt) with the original as its document.
 *
 * <p>Only {@code /F2Rest/ServiceIndex} is a fixed URL; the create-matter and create-document URLs
 * are found from their link relations. Both writes use F2's <em>Post Once Exactly</em>: an empty
 * POST hands out a one-time URL, which is saved as a checkpoint (committed) before the payload is
 * POSTed to it. After a crash or a lost answer the same URL is used again and F2 answers 303 — the
 * matter is never created twice.
 */
public final class F2Adapter implements DestinationAdapter {

    static final String MEDIA_TYPE = "application/vnd.cbrain.casefile+xml";
    static final String CREATE_MATTER = "http://cbrain.com/casefile/rel/create-matter";
    static final String CREATE_DOCUMENT = "http://cbrain.com/casefile/rel/create-document";

    private final HttpClient http;
    private final F2Properties properties;
    private final BearerCalls calls;

    public F2Adapter(HttpClient http, F2Properties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        OAuth2Tokens tokens = new OAuth2Tokens(http, properties.baseUri().resolve("/F2Rest/oauth2/token"), properties.clientId(),
                properties.clientSecret(), Map.of("grant_type", "password", "username", properties.username()),
                properties.timeout(), clock);
        this.calls = new BearerCalls(http, tokens, properties.timeout(), "F2");
    }

    @Override
    public DestinationType type() {
        return DestinationType.F2;
    }

    @Override
    public String file(MailClassified mail, Route.ToDestination route, byte[] original, Checkpoints checkpoints) {
        String matter = checkpoints.get("matter").orElse(null);
        if (matter == null) {
            String matterPoe = onceUrl(checkpoints, "matter-poe",
                    () -> properties.baseUri().resolve(link(serviceIndex(), CREATE_MATTER, "service index")
                            .replace("{caseId}", java.net.URLEncoder.encode(route.target(), StandardCharsets.UTF_8))).toString());
            HttpResponse<byte[]> created = call(() -> HttpRequest.newBuilder(URI.create(matterPoe))
                    .header("Content-Type", MEDIA_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(matterXml(mail, route), StandardCharsets.UTF_8)), "create matter");
            matter = location(created, matterPoe, "create matter");
            checkpoints.save("matter", matter);
        }
        if (checkpoints.get("document").isEmpty()) {
            String matterUrl = matter;
            String documentPoe = onceUrl(checkpoints, "document-poe", () -> {
                HttpResponse<byte[]> matterResource = call(() -> HttpRequest.newBuilder(URI.create(matterUrl))
                        .header("Accept", MEDIA_TYPE).GET(), "read matter");
                return URI.create(matterUrl).resolve(link(matterResource.body(), CREATE_DOCUMENT, "matter")).toString();
            });
            String boundary = "postfordeling-" + UUID.nameUUIDFromBytes(mail.mailId().toString().getBytes(StandardCharsets.UTF_8));
            byte[] body = multipart(boundary, "Original " + mail.mailId(), "original" + OriginalFile.extension(original), original);
            HttpResponse<byte[]> document = call(() -> HttpRequest.newBuilder(URI.create(documentPoe))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)), "add document");
            checkpoints.save("document", location(document, documentPoe, "add document"));
        }
        return matter;
    }

    /** The saved one-time URL, or a new one from an empty POST to the URL {@code target} gives (saved before it is used). */
    private String onceUrl(Checkpoints checkpoints, String name, Supplier<String> target) {
        Optional<String> saved = checkpoints.get(name);
        if (saved.isPresent()) {
            return saved.get();
        }
        String url = target.get();
        HttpResponse<byte[]> response = call(() -> HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()), "Post-Once-Exactly URL");
        String once = response.headers().firstValue("Location")
                .orElseThrow(() -> new FilingException.Unavailable("F2 gave no one-time URL for " + name, null));
        String absolute = URI.create(url).resolve(once).toString();
        checkpoints.save(name, absolute);
        return absolute;
    }

    private byte[] serviceIndex() {
        return call(() -> HttpRequest.newBuilder(properties.baseUri().resolve("/F2Rest/ServiceIndex"))
                .header("Accept", MEDIA_TYPE).GET(), "service index").body();
    }

    private HttpResponse<byte[]> call(Supplier<HttpRequest.Builder> request, String what) {
        return calls.call(request, what);
    }

    /** The created resource: 201 names it in Location; 303 (the same POST already done) points to it. */
    private static String location(HttpResponse<byte[]> response, String requestUrl, String what) {
        if (response.statusCode() != 201 && response.statusCode() != 303 && response.statusCode() != 200) {
            throw new FilingException.Unavailable("F2 " + what + ": unexpected HTTP " + response.statusCode(), null);
        }
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new FilingException.Unavailable("F2 " + what + ": no Location in the answer", null));
        return URI.create(requestUrl).resolve(location).toString();
    }

    /** The href of the first element with the link relation, from an F2 XML resource. */
    static String link(byte[] xml, String rel, String where) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            NodeList all = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                if (rel.equals(element.getAttribute("rel")) && !element.getAttribute("href").isBlank()) {
                    return element.getAttribute("href");
                }
            }
        } catch (Exception e) {
            throw new FilingException.Unavailable("F2 " + where + " is not readable XML", e);
        }
        throw new FilingException.Rejected("F2 " + where + " offers no link " + rel + " (no permission, or an unknown case)");
    }

    static String matterXml(MailClassified mail, Route.ToDestination route) {
        String title = mail.hints() != null && mail.hints().messageLabel() != null && !mail.hints().messageLabel().isBlank()
                ? mail.hints().messageLabel()
                : "Indgående post (" + route.key() + ")";
        String keyword = mail.hints() != null && mail.hints().kleNumber() != null
                ? "<KeywordCodes>" + escape(mail.hints().kleNumber()) + "</KeywordCodes>" : "";
        String text = "<p>Fordelt automatisk af Postfordeling. Mail-id: " + mail.mailId() + ". Model: "
                + mail.modelVersion() + ".</p>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Matter><Title>" + escape(title) + "</Title><Type>Inbound</Type>"
                + "<Text>" + escape(text) + "</Text>"
                + "<ReceivedDate>" + DateTimeFormatter.ISO_INSTANT.format(mail.classifiedAt()) + "</ReceivedDate>"
                + keyword + "</Matter>";
    }

    static byte[] multipart(String boundary, String title, String fileName, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 512);
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"Title\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + title + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"File\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
