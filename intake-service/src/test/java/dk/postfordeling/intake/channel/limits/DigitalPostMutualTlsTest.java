package dk.postfordeling.intake.channel.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.intake.Documents;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Serviceplatformen's Digital Post delivery with mutual TLS: intake serves HTTPS, asks for a client
 * certificate, trusts Serviceplatformen's, and knows the client by the certificate's CN. A caller
 * without a certificate, or with one intake does not trust, must authenticate otherwise. Keys and certificates are made for the test with the JDK's keytool.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "postfordeling.intake.blob-store-dir=${java.io.tmpdir}/postfordeling-intake-test/${random.uuid}",
        "postfordeling.kafka.partitions=1",
        "server.ssl.enabled=true",
        "server.ssl.key-store-type=PKCS12",
        "server.ssl.key-store-password=" + DigitalPostMutualTlsTest.PASSWORD,
        "server.ssl.trust-store-type=PKCS12",
        "server.ssl.trust-store-password=" + DigitalPostMutualTlsTest.PASSWORD,
        "server.ssl.client-auth=want",
        "postfordeling.security.certificate-clients[0].common-name=serviceplatformen",
        "postfordeling.security.certificate-clients[0].roles=UPLOADER",
        "postfordeling.security.certificate-clients[1].common-name=overvaagning",
        "postfordeling.security.certificate-clients[1].roles=OPS"})
@EmbeddedKafka(partitions = 1)
@DirtiesContext // closed while its embedded broker still runs, not at JVM exit
class DigitalPostMutualTlsTest {

    static final String PASSWORD = "test-keystore";
    static final Path KEYS;

    static {
        try {
            KEYS = Files.createTempDirectory("postfordeling-mtls");
            keypair("server", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
            keypair("serviceplatformen", "CN=serviceplatformen,O=KOMBIT", null);
            keypair("monitor", "CN=overvaagning,O=Kommune", null);
            keypair("stranger", "CN=serviceplatformen,O=Someone else", null);
            trust("server-trust", "serviceplatformen", "monitor");
            trust("client-trust", "server");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        dk.postfordeling.intake.IntakeTestDatabase.register(registry);
        registry.add("server.ssl.key-store", () -> KEYS.resolve("server.p12").toUri().toString());
        registry.add("server.ssl.trust-store", () -> KEYS.resolve("server-trust.p12").toUri().toString());
    }

    @LocalServerPort
    int port;

    @Test
    void serviceplatformenDeliversWithItsCertificateAndOthersAreKeptOut() throws Exception {
        HttpResponse<String> delivered = post(client("serviceplatformen"));
        assertThat(delivered.statusCode()).isEqualTo(202);
        assertThat(delivered.body()).contains("8C2EA15D-61FB-4BA9-9366-42F8B194C114");

        assertThat(post(client(null)).statusCode()).as("no certificate, no credentials").isEqualTo(401);
        assertThat(post(client("monitor")).statusCode()).as("a trusted certificate without the UPLOADER role").isEqualTo(403);
        // A certificate from an issuer intake does not trust is not even offered (the server names the
        // issuers it accepts), so the caller is as unauthenticated as one without a certificate.
        assertThat(post(client("stranger")).statusCode()).as("a certificate intake does not trust").isEqualTo(401);
    }

    private HttpResponse<String> post(HttpClient client) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/digital-post/messages"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Documents.memo("MeMo_Minimum_Example.xml"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTPS client that trusts intake's certificate and presents {@code alias}'s certificate (none when null). */
    private static HttpClient client(String alias) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("client-trust"));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore own = alias == null ? KeyStore.getInstance("PKCS12") : load(alias);
        if (alias == null) {
            own.load(null, null);
        }
        keys.init(own, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    private static KeyStore load(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(KEYS.resolve(name + ".p12").toFile())) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keypair(String name, String dname, String extension) throws Exception {
        List<String> command = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048",
                "-dname", dname, "-validity", "2", "-storetype", "PKCS12", "-keystore", KEYS.resolve(name + ".p12").toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (extension != null) {
            command.addAll(List.of("-ext", extension));
        }
        keytool(command);
        keytool(List.of("-exportcert", "-alias", name, "-keystore", KEYS.resolve(name + ".p12").toString(), "-storepass", PASSWORD,
                "-file", KEYS.resolve(name + ".crt").toString()));
    }

    private static void trust(String store, String... names) throws Exception {
        for (String name : names) {
            keytool(List.of("-importcert", "-noprompt", "-alias", name, "-file", KEYS.resolve(name + ".crt").toString(),
                    "-storetype", "PKCS12", "-keystore", KEYS.resolve(store + ".p12").toString(), "-storepass", PASSWORD));
        }
    }

    private static void keytool(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + arguments.get(0) + " failed: " + output);
        }
    }
}
