package dk.postfordeling.routing.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import dk.postfordeling.routing.RoutingTestParts;
import dk.postfordeling.routing.WithRoutingService;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in with the municipality's identity provider over OpenID Connect (authorization code flow):
 * the provider is a stub with a discovery document, a signing key and a token endpoint that issues
 * a signed ID token. The person's roles come from the token's {@code roles} claim; the audit log's
 * actor is the pseudonymous {@code sub}. A person without a workbench role sees nothing.
 */
@WithRoutingService
@org.springframework.test.context.TestPropertySource(properties = {
        "postfordeling.security.oidc.client-id=postfordeling",
        "postfordeling.security.oidc.client-secret=hemmelig"})
class OidcSignInTest {

    static final WireMockServer PROVIDER = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final RSAKey KEY;

    static {
        PROVIDER.start();
        try {
            KEY = new RSAKeyGenerator(2048).keyID("kommune-1").generate();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
        String issuer = issuer();
        PROVIDER.stubFor(get(urlEqualTo("/realms/kommune/.well-known/openid-configuration")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/token",
                         "jwks_uri": "%1$s/certs", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                         "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer))));
        PROVIDER.stubFor(get(urlEqualTo("/realms/kommune/certs")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(new JWKSet(KEY.toPublicJWK()).toString())));
    }

    static String issuer() {
        return PROVIDER.baseUrl() + "/realms/kommune";
    }

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        RoutingTestParts.register(registry);
        registry.add("postfordeling.security.oidc.issuer-uri", OidcSignInTest::issuer);
    }

    @AfterAll
    static void stop() {
        PROVIDER.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void aReviewerSignsInWithTheMunicipalitysIdentityProvider() throws Exception {
        WebSession browser = new WebSession(port);
        assertThat(browser.get("/login").body()).contains("Log ind med kommunens login");

        HttpResponse<String> signedIn = signIn(browser, "k-7f3a9c", List.of("postfordeling-reviewer"));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        HttpResponse<String> queue = browser.get("/queue");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Post til fordeling", "k-7f3a9c");
        assertThat(browser.get("/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void aPersonWithoutAWorkbenchRoleSeesNothing() throws Exception {
        WebSession browser = new WebSession(port);
        signIn(browser, "k-0000aa", List.of("løn-og-personale"));
        assertThat(browser.get("/queue").statusCode()).isEqualTo(403);
        assertThat(browser.get("/ops").statusCode()).isEqualTo(403);
    }

    /** The authorization code flow as a browser follows it, with the provider's answers made for this request's nonce. */
    private HttpResponse<String> signIn(WebSession browser, String subject, List<String> roles) throws Exception {
        HttpResponse<String> toProvider = browser.get("/oauth2/authorization/kommune");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(issuer() + "/auth");
        Map<String, String> query = query(authorize);
        assertThat(query).containsEntry("client_id", "postfordeling").containsEntry("response_type", "code");

        SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(issuer()).subject(subject).audience("postfordeling")
                        .issueTime(Date.from(Instant.now())).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .claim("nonce", query.get("nonce")).claim("roles", roles).build());
        idToken.sign(new RSASSASigner(KEY));
        PROVIDER.stubFor(post(urlEqualTo("/realms/kommune/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"access_token": "at-%s", "token_type": "Bearer", "expires_in": 300, "id_token": "%s"}"""
                        .formatted(subject, idToken.serialize()))));

        URI callback = URI.create(query.get("redirect_uri"));
        return browser.get(callback.getPath() + "?code=kode-" + subject + "&state=" + WebSession.enc(query.get("state")));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return values;
    }
}
