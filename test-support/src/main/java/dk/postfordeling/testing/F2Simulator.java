package dk.postfordeling.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WireMock F2 built from F2's documented shapes (INTEGRATIONS.md): an OAuth2 token endpoint
 * (HTTP Basic client credentials {@code postfordeling:hemmelig}, password grant for user
 * {@code postfordeling}), the service index with link relations, and <em>Post-Once-Exactly</em>
 * for matters and documents: an empty POST hands out a one-time URL; the first POST of a payload
 * there answers 201, every repeat 303 See Other pointing at what the first created. It counts what
 * it really created, so tests can prove that nothing was filed twice. Requests without the current
 * token answer 401.
 */
public final class F2Simulator implements AutoCloseable {

    public static final String CASE_ID = "4711";
    public static final String MEDIA_TYPE = "application/vnd.cbrain.casefile+xml";
    private static final String ONCE = "post-once-exactly";

    private final PostOnceExactly once = new PostOnceExactly();
    private final WireMockServer server = new WireMockServer(options().dynamicPort().globalTemplating(false).extensions(once));

    public F2Simulator() {
        server.start();
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Installs F2 accepting {@code token}; replaces whatever was stubbed before, keeps what was created. */
    public void install(String token) {
        server.resetMappings();
        server.stubFor(any(urlMatching("/F2Rest/(?!oauth2).*")).atPriority(10).willReturn(aResponse().withStatus(401)));
        server.stubFor(post(urlEqualTo("/F2Rest/oauth2/token"))
                .withBasicAuth("postfordeling", "hemmelig")
                .withRequestBody(equalTo("grant_type=password&username=postfordeling").or(equalTo("username=postfordeling&grant_type=password")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
        server.stubFor(get(urlEqualTo("/F2Rest/ServiceIndex")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withHeader("Content-Type", MEDIA_TYPE).withBody("""
                        <ServiceIndex xmlns="http://cbrain.com/casefile">
                          <link rel="http://cbrain.com/casefile/rel/create-case" href="/F2Rest/cases"/>
                          <link rel="http://cbrain.com/casefile/rel/create-matter" href="/F2Rest/cases/{caseId}/matters"/>
                          <link rel="http://cbrain.com/casefile/rel/matter-search" href="/F2Rest/matters/search"/>
                        </ServiceIndex>""")));
        server.stubFor(post(urlPathMatching("/F2Rest/cases/[^/]+/matters")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withTransformers(ONCE).withTransformerParameter("hand-out", "/F2Rest/poe/")));
        server.stubFor(post(urlMatching("/F2Rest/poe/[^/]+")).withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("Content-Type", equalTo(MEDIA_TYPE))
                .willReturn(aResponse().withTransformers(ONCE).withTransformerParameter("creates", "/F2Rest/matters/")));
        server.stubFor(get(urlMatching("/F2Rest/matters/[^/]+")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withHeader("Content-Type", MEDIA_TYPE).withTransformers("response-template").withBody("""
                        <Matter xmlns="http://cbrain.com/casefile">
                          <link rel="http://cbrain.com/casefile/rel/create-document" href="/F2Rest/matters/{{request.pathSegments.[2]}}/documents"/>
                        </Matter>""")));
        server.stubFor(post(urlMatching("/F2Rest/matters/[^/]+/documents")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withTransformers(ONCE).withTransformerParameter("hand-out", "/F2Rest/poe-doc/")));
        server.stubFor(post(urlMatching("/F2Rest/poe-doc/[^/]+")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withTransformers(ONCE).withTransformerParameter("creates", "/F2Rest/documents/")));
    }

    /** Bodies of the matters F2 created (one per first POST to a one-time URL). */
    public List<String> createdMatters() {
        return once.created.entrySet().stream().filter(e -> e.getKey().startsWith("/F2Rest/poe/"))
                .map(e -> e.getValue().body()).toList();
    }

    /** Documents F2 created. */
    public long createdDocuments() {
        return once.created.keySet().stream().filter(url -> url.startsWith("/F2Rest/poe-doc/")).count();
    }

    /** POSTs F2 answered 303 because their one-time URL had been used. */
    public int replays() {
        return once.replays.get();
    }

    @Override
    public void close() {
        server.stop();
    }

    private record Created(String location, String body) {
    }

    /** Hands out one-time URLs and answers a repeated POST to one with 303 to what the first created. */
    static final class PostOnceExactly implements ResponseDefinitionTransformerV2 {

        final Map<String, Created> created = new ConcurrentHashMap<>();
        final AtomicInteger replays = new AtomicInteger();

        @Override
        public String getName() {
            return ONCE;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            var parameters = event.getTransformerParameters();
            String url = event.getRequest().getUrl();
            if (parameters.containsKey("hand-out")) {
                return aResponse().withStatus(201).withHeader("Location", parameters.getString("hand-out") + UUID.randomUUID()).build();
            }
            String location = parameters.getString("creates") + url.substring(url.lastIndexOf('/') + 1);
            Created first = created.putIfAbsent(url, new Created(location, event.getRequest().getBodyAsString()));
            if (first != null) {
                replays.incrementAndGet();
                return aResponse().withStatus(303).withHeader("Location", first.location()).build();
            }
            return aResponse().withStatus(201).withHeader("Location", location).build();
        }
    }
}
