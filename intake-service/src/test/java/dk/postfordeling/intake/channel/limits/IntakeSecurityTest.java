package dk.postfordeling.intake.channel.limits;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dk.postfordeling.intake.Samples;
import dk.postfordeling.testing.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every intake endpoint authenticates its caller: local clients over HTTP Basic, and clients of the
 * identity provider with a bearer token whose signature is checked against the provider's keys
 * (here a WireMock JWKS endpoint with a key made for the test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "postfordeling.intake.blob-store-dir=${java.io.tmpdir}/postfordeling-intake-test/${random.uuid}",
        "postfordeling.kafka.partitions=1"})
@EmbeddedKafka(partitions = 1)
@DirtiesContext // closed while its embedded broker still runs, not at JVM exit
class IntakeSecurityTest {

    static final WireMockServer IDP = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final RSAKey KEY;
    static final RSAKey OTHER_KEY;

    static {
        try {
            KEY = new RSAKeyGenerator(2048).keyID("idp-key").generate();
            OTHER_KEY = new RSAKeyGenerator(2048).keyID("idp-key").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        IDP.start();
        IDP.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/keys").willReturn(okJson(new JWKSet(KEY.toPublicJWK()).toString())));
    }

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        dk.postfordeling.intake.IntakeTestDatabase.register(registry);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> IDP.baseUrl() + "/keys");
    }

    @AfterAll
    static void stopIdp() {
        IDP.stop();
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.userdetails.UserDetailsService clients;

    /**
     * A client's secret stays as configured after it signs in: were Spring Security to re-encode it
     * with bcrypt (its "password upgrade"), every later upload would cost a bcrypt check.
     */
    @Test
    void aLocalClientsSecretIsNotReEncodedBySigningIn() throws Exception {
        assertThat(post("/api/v1/digital-post/messages", TestClients.uploader()).statusCode()).isEqualTo(202);
        assertThat(post("/api/v1/digital-post/messages", TestClients.uploader()).statusCode()).isEqualTo(202);

        assertThat(clients.loadUserByUsername("test-uploader").getPassword()).startsWith("{noop}");
    }

    @Test
    void everyEndpointAnswers401WithoutCredentials() throws Exception {
        assertThat(post("/api/v1/mails", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/digital-post/messages", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/anything-else", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/mails", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("test-uploader:wrong".getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(401);
    }

    @Test
    void probesAnswerAnyoneWithAStatusOnlyAndDetailsAreForOps() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"").doesNotContain("components").doesNotContain("localhost");
        HttpResponse<String> details = get("/actuator/health", TestClients.basic("test-ops"));
        assertThat(details.statusCode()).isEqualTo(200);
        assertThat(details.body()).contains("components", "kafka");
        assertThat(get("/actuator/prometheus", TestClients.basic("test-ops")).body()).contains("jvm_memory_used_bytes");
        // Uploading is a role of its own: the OPS client may not, the uploader may not read metrics.
        assertThat(post("/api/v1/digital-post/messages", TestClients.basic("test-ops")).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", TestClients.uploader()).statusCode()).isEqualTo(403);
    }

    @Test
    void aClientOfTheIdentityProviderUploadsWithABearerTokenCarryingTheUploaderRole() throws Exception {
        HttpResponse<String> accepted = upload("Bearer " + token(KEY, List.of("postfordeling-upload"), Instant.now().plusSeconds(300)));
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).contains("mailId");

        assertThat(upload("Bearer " + token(KEY, List.of("postfordeling-ops"), Instant.now().plusSeconds(300))).statusCode())
                .isEqualTo(403);
        assertThat(upload("Bearer " + token(KEY, List.of("postfordeling-upload"), Instant.now().minusSeconds(300))).statusCode())
                .isEqualTo(401);
        assertThat(upload("Bearer " + token(OTHER_KEY, List.of("postfordeling-upload"), Instant.now().plusSeconds(300))).statusCode())
                .isEqualTo(401);
    }

    private static String token(RSAKey key, List<String> roles, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("ekstern-postsystem").claim("roles", roles)
                        .issueTime(Date.from(expires.minusSeconds(600))).expirationTime(Date.from(expires)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private HttpResponse<String> upload(String authorization) throws Exception {
        String boundary = "boundary-" + System.nanoTime();
        byte[] eml = Samples.bulkyWastePickup();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.eml\"\r\n"
                + "Content-Type: message/rfc822\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + eml.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(eml, 0, body, head.length, eml.length);
        System.arraycopy(tail, 0, body, head.length + eml.length, tail.length);
        return send(HttpRequest.newBuilder(uri("/api/v1/mails")).header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<String> post(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<x/>"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
