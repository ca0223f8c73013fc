package dk.postfordeling.intake.channel.digitalpost;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.intake.Documents;
import dk.postfordeling.testing.TestClients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * The Digital Post endpoint refuses a body over intake's limit while reading it: a sender streaming
 * far more than the heap could hold gets 413, and intake goes on answering and accepting mail.
 * The limit is small here (2 MiB) so the test streams 64 MiB; the mechanism does not depend on size.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "postfordeling.intake.blob-store-dir=${java.io.tmpdir}/postfordeling-intake-test/${random.uuid}",
        "postfordeling.kafka.partitions=1",
        "postfordeling.intake.limits.max-document-bytes=2097152"})
@EmbeddedKafka(partitions = 1)
@DirtiesContext // closed while its embedded broker still runs, not at JVM exit
class DigitalPostLimitTest {

    @org.springframework.test.context.DynamicPropertySource
    static void database(org.springframework.test.context.DynamicPropertyRegistry registry) {
        dk.postfordeling.intake.IntakeTestDatabase.register(registry);
    }

    private static final long STREAMED = 64L * 1024 * 1024;

    @LocalServerPort
    int port;

    @Test
    void aStreamedBodyOverTheLimitIsRefusedWhileReadingAndIntakeAcceptsTheNextMail() throws Exception {
        AtomicLong sent = new AtomicLong();
        String statusLine;
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/digital-post/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/xml\r\n"
                    + "Authorization: " + TestClients.uploader() + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> {
                byte[] chunk = ("<x>" + "a".repeat(65_530) + "</x>").getBytes(StandardCharsets.US_ASCII);
                byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < STREAMED) {
                        out.write(head);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(chunk.length);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (java.io.IOException closedByServer) {
                    // intake stopped reading and closed the connection: what a refused sender sees
                }
            });
            sender.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            statusLine = in.readLine();
            StringBuilder rest = new StringBuilder();
            for (String line = in.readLine(); line != null && rest.length() < 4000; line = in.readLine()) {
                rest.append(line).append('\n');
                if (line.contains("}")) {
                    break;
                }
            }
            answer = rest.toString();
        }
        assertThat(statusLine).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("application/problem+json").contains("2097152 bytes");

        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", TestClients.uploader()).build();
        assertThat(client.get().uri("/actuator/health/liveness").retrieve().toEntity(String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        var accepted = client.post().uri("/api/v1/digital-post/messages").contentType(MediaType.APPLICATION_XML)
                .body(Documents.memo("MeMo_Minimum_Example.xml")).retrieve().toEntity(java.util.Map.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody()).containsEntry("messageUuid", "8C2EA15D-61FB-4BA9-9366-42F8B194C114");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", TestClients.uploader()).build();
        var refused = client.post().uri("/api/v1/digital-post/messages").contentType(MediaType.APPLICATION_XML)
                .body(new byte[3 * 1024 * 1024]).exchange((request, response) -> response.getStatusCode());
        assertThat(refused).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }
}
