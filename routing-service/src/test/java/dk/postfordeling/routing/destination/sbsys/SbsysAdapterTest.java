package dk.postfordeling.routing.destination.sbsys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.destination.FilingException;
import dk.postfordeling.routing.destination.ResilientFiling;
import dk.postfordeling.routing.destination.TestFiling;
import dk.postfordeling.routing.table.Route;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SBSYS adapter against a stub of its documented API: Keycloak token, sag/search, multipart dokument/journaliser. */
class SbsysAdapterTest {

    private static final String CASE = "27.00.00-G01-1-24";
    private static final String TOKEN_PATH = "/auth/realms/sbsip/protocol/openid-connect/token";
    private static final Route.ToDestination ROUTE = new Route.ToDestination("skole", DestinationType.SBSYS, CASE, null);
    private static final byte[] ORIGINAL = "Subject: Skoleskift\r\n\r\nHej\r\n".getBytes(StandardCharsets.US_ASCII);

    private final WireMockServer sbsys = new WireMockServer(options().dynamicPort().globalTemplating(false));
    private final ResilientFiling filing = TestFiling.resilience();
    private SbsysAdapter adapter;

    @BeforeEach
    void start() {
        sbsys.start();
        install("k1");
        adapter = adapter(Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        sbsys.stop();
    }

    private void install(String token) {
        sbsys.stubFor(any(urlMatching("/api/v10/.*")).atPriority(10).willReturn(aResponse().withStatus(401)));
        sbsys.stubFor(post(urlEqualTo(TOKEN_PATH)).withBasicAuth("postfordeling", "hemmelig")
                .withRequestBody(containing("grant_type=password")).withRequestBody(containing("username=svc-post"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + token + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
        sbsys.stubFor(post(urlEqualTo("/api/v10/sag/search")).withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(equalToJson("{\"Nummer\":\"" + CASE + "\"}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[{\"Id\":31337,\"Nummer\":\"" + CASE + "\"}]")));
        sbsys.stubFor(post(urlEqualTo("/api/v10/dokument/journaliser")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"Id\":9001}")));
    }

    @Test
    void journalisesTheOriginalInTheCaseFoundByItsNumber() {
        TestFiling.MemoryCheckpoints checkpoints = new TestFiling.MemoryCheckpoints();

        String document = filing.call(DestinationType.SBSYS, () -> adapter.file(TestFiling.mail("skole"), ROUTE, ORIGINAL, checkpoints));

        assertThat(document).isEqualTo("sbsys:dokument:9001");
        sbsys.verify(1, postRequestedFor(urlEqualTo("/api/v10/dokument/journaliser"))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBody(containing("name=\"json\""))
                .withRequestBody(containing("\"SagID\":31337"))
                .withRequestBody(containing("\"DokumentArt\":{\"Id\":1,\"Navn\":\"Indgående\"}"))
                .withRequestBody(containing("name=\"file\""))
                .withRequestBody(containing("Subject: Skoleskift")));
        assertThat(adapter.file(TestFiling.mail("skole"), ROUTE, ORIGINAL, checkpoints)).as("a repeated call files nothing").isEqualTo(document);
        sbsys.verify(1, postRequestedFor(urlEqualTo("/api/v10/dokument/journaliser")));
    }

    @Test
    void aRevokedTokenIsReplaced() {
        adapter.file(TestFiling.mail("skole"), ROUTE, ORIGINAL, new TestFiling.MemoryCheckpoints());
        sbsys.resetAll();
        install("k2");

        assertThat(adapter.file(TestFiling.mail("skole"), ROUTE, ORIGINAL, new TestFiling.MemoryCheckpoints())).isEqualTo("sbsys:dokument:9001");
        sbsys.verify(1, postRequestedFor(urlEqualTo("/api/v10/dokument/journaliser")).withHeader("Authorization", equalTo("Bearer k2")));
    }

    @Test
    void anUploadSbsysClearlyDidNotTakeIsRetried() {
        sbsys.stubFor(post(urlEqualTo("/api/v10/dokument/journaliser")).inScenario("503").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(503)));
        sbsys.stubFor(post(urlEqualTo("/api/v10/dokument/journaliser")).inScenario("503").whenScenarioStateIs("up")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"Id\":9002}")));

        String document = filing.call(DestinationType.SBSYS, () -> adapter.file(TestFiling.mail("skole"), ROUTE, ORIGINAL,
                new TestFiling.MemoryCheckpoints()));

        assertThat(document).isEqualTo("sbsys:dokument:9002");
        sbsys.verify(2, postRequestedFor(urlEqualTo("/api/v10/dokument/journaliser")));
    }

    @Test
    void anUploadWithoutAnAnswerIsNeverBlindlyRepeated() {
        sbsys.stubFor(post(urlEqualTo("/api/v10/dokument/journaliser")).withHeader("Authorization", equalTo("Bearer k1"))
                .willReturn(aResponse().withFixedDelay(2000).withBody("{\"Id\":9003}")));
        SbsysAdapter impatient = adapter(Duration.ofMillis(300));
        TestFiling.MemoryCheckpoints checkpoints = new TestFiling.MemoryCheckpoints();

        assertThatThrownBy(() -> impatient.file(TestFiling.mail("skole"), ROUTE, ORIGINAL, checkpoints))
                .isInstanceOf(FilingException.Unavailable.class).hasMessageContaining("no answer within");
        assertThatThrownBy(() -> filing.call(DestinationType.SBSYS, () -> impatient.file(TestFiling.mail("skole"), ROUTE, ORIGINAL, checkpoints)))
                .isInstanceOf(FilingException.Rejected.class).hasMessageContaining("check the case");
        sbsys.verify(1, postRequestedFor(urlEqualTo("/api/v10/dokument/journaliser")));
    }

    @Test
    void aDroppedConnectionLeavesTheOutcomeUnknownToo() {
        sbsys.stubFor(post(urlEqualTo("/api/v10/dokument/journaliser")).withHeader("Authorization", equalTo("Bearer k1"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        TestFiling.MemoryCheckpoints checkpoints = new TestFiling.MemoryCheckpoints();

        assertThatThrownBy(() -> filing.call(DestinationType.SBSYS, () -> adapter.file(TestFiling.mail("skole"), ROUTE, ORIGINAL, checkpoints)))
                .isInstanceOf(FilingException.Rejected.class);
        sbsys.verify(1, postRequestedFor(urlEqualTo("/api/v10/dokument/journaliser")));
    }

    @Test
    void anUnknownCaseOrABadRequestIsRejectedWithoutRetry() {
        sbsys.stubFor(post(urlEqualTo("/api/v10/sag/search")).withHeader("Authorization", equalTo("Bearer k1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
        assertThatThrownBy(() -> filing.call(DestinationType.SBSYS, () -> adapter.file(TestFiling.mail("skole"), ROUTE, ORIGINAL,
                new TestFiling.MemoryCheckpoints())))
                .isInstanceOf(FilingException.Rejected.class).hasMessageContaining("no case with number " + CASE);

        install("k1");
        sbsys.stubFor(post(urlEqualTo("/api/v10/dokument/journaliser")).withHeader("Authorization", equalTo("Bearer k1"))
                .willReturn(aResponse().withStatus(400).withBody("{\"Message\":\"DokumentArt mangler\"}")));
        TestFiling.MemoryCheckpoints checkpoints = new TestFiling.MemoryCheckpoints();
        assertThatThrownBy(() -> filing.call(DestinationType.SBSYS, () -> adapter.file(TestFiling.mail("skole"), ROUTE, ORIGINAL, checkpoints)))
                .isInstanceOf(FilingException.Rejected.class).hasMessageContaining("HTTP 400");
        sbsys.verify(1, postRequestedFor(urlEqualTo("/api/v10/dokument/journaliser")));
        assertThat(checkpoints.saved).containsEntry("upload", "NOT_TAKEN");
    }

    @Test
    void theCircuitOpensWhileSbsysIsDownAndClosesWhenItIsBack() {
        sbsys.stubFor(any(urlMatching("/api/v10/.*")).atPriority(1).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> filing.call(DestinationType.SBSYS, () -> adapter.file(TestFiling.mail("skole"), ROUTE, ORIGINAL,
                    new TestFiling.MemoryCheckpoints()))).isInstanceOfAny(FilingException.Unavailable.class, CallNotPermittedException.class);
        }
        assertThat(filing.state(DestinationType.SBSYS)).isEqualTo(CircuitBreaker.State.OPEN);

        sbsys.resetAll();
        install("k1");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).ignoreException(CallNotPermittedException.class)
                .untilAsserted(() -> assertThat(filing.call(DestinationType.SBSYS, () -> adapter.file(TestFiling.mail("skole"), ROUTE,
                        ORIGINAL, new TestFiling.MemoryCheckpoints()))).isEqualTo("sbsys:dokument:9001"));
        assertThat(filing.state(DestinationType.SBSYS)).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private SbsysAdapter adapter(Duration timeout) {
        return new SbsysAdapter(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                new SbsysProperties(URI.create(sbsys.baseUrl() + "/api/v10/"), URI.create(sbsys.baseUrl() + TOKEN_PATH),
                        "postfordeling", "hemmelig", "svc-post", "pw", timeout), Clock.systemUTC());
    }
}
