package dk.postfordeling.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import dk.postfordeling.contracts.MailJson;

/** Uploads mail files to intake's HTTP channel, as a case worker's upload would. */
public final class SampleFeeder {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uploads;

    public SampleFeeder(int intakePort) {
        this.uploads = URI.create("http://localhost:" + intakePort + "/api/v1/mails");
    }

    /** Start of a multipart body whose one part, {@code file}, carries the upload. */
    public static byte[] filePartHead(String boundary, String fileName) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** End of the multipart body begun by {@link #filePartHead}. */
    public static byte[] filePartTail(String boundary) {
        return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Uploads one file; returns the mail id intake assigned. */
    public String upload(Path file) throws IOException {
        return upload(Files.readAllBytes(file), file.getFileName().toString());
    }

    public String upload(byte[] content, String fileName) throws IOException {
        String boundary = "postfordeling-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(filePartHead(boundary, fileName));
        body.write(content);
        body.write(filePartTail(boundary));
        HttpRequest request = HttpRequest.newBuilder(uploads)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", PipelineServices.localBasic(PipelineServices.LOCAL_UPLOADER))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IOException("intake refused " + fileName + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return (String) MailJson.mapper().readValue(response.body(), Map.class).get("mailId");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
