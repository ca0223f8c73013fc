package dk.postfordeling.routing.destination.getorganized;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GetOrganized adapter against a stub of AddToDocumentLibrary and Finalize/ByDocumentId. */
class GetOrganizedAdapterTest {

    private static final String CASE = "BOR-2022-000046";
    private static final String ADD = "/_goapi/Documents/AddToDocumentLibrary";
    private static final String FINALIZE = "/_goapi/Documents/Finalize/ByDocumentId";
    private static final Route.ToDestination ROUTE = new Route.ToDestination("borgerservice", DestinationType.GET_ORGANIZED, CASE, null);
    private static final byte[] ORIGINAL = "Subject: Pas\r\n\r\nHej\r\n".getBytes(StandardCharsets.US_ASCII);

    private final WireMockServer go = new WireMockServer(options().dynamicPort().globalTemplating(false));
    private final ResilientFiling filing = TestFiling.resilience();
    private GetOrganizedAdapter adapter;

    @BeforeEach
    void start() {
        go.start();
        install();
        adapter = adapter(Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        go.stop();
    }

    private void install() {
        go.stubFor(post(urlEqualTo(ADD)).withBasicAuth("KOMMUNE\\svc-post", "pw")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"DocId\":4242}")));
        go.stubFor(post(urlEqualTo(FINALIZE)).withBasicAuth("KOMMUNE\\svc-post", "pw").withRequestBody(equalToJson("{\"DocId\":4242}"))
                .willReturn(aResponse().withStatus(200)));
    }

    @Test
    void addsTheOriginalToTheCaseAndFinalisesIt() {
        String reference = filing.call(DestinationType.GET_ORGANIZED, () -> adapter.file(TestFiling.mail("borgerservice"), ROUTE, ORIGINAL,
                new TestFiling.MemoryCheckpoints()));

        assertThat(reference).isEqualTo("getorganized:" + CASE + ":4242");
        go.verify(1, postRequestedFor(urlEqualTo(ADD))
                .withRequestBody(matchingJsonPath("$.CaseId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(CASE)))
                .withRequestBody(matchingJsonPath("$.ListName", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Dokumenter")))
                .withRequestBody(matchingJsonPath("$.Overwrite", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
                .withRequestBody(matchingJsonPath("$.FileName", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "postfordeling-6f1c2d3e-0000-4000-8000-000000000042.eml")))
                .withRequestBody(containing("\"bytes\":[83,117,98,106,101,99,116")));  // "Subject"
        go.verify(1, postRequestedFor(urlEqualTo(FINALIZE)));
    }

    @Test
    void aLostAnswerRepeatsTheSameFileWhichReplacesInsteadOfAdding() {
        go.stubFor(post(urlEqualTo(ADD)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("stored")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        go.stubFor(post(urlEqualTo(ADD)).inScenario("lost").whenScenarioStateIs("stored")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"DocId\":4242}")));

        String reference = filing.call(DestinationType.GET_ORGANIZED, () -> adapter.file(TestFiling.mail("borgerservice"), ROUTE, ORIGINAL,
                new TestFiling.MemoryCheckpoints()));

        assertThat(reference).endsWith(":4242");
        var adds = go.findAll(postRequestedFor(urlEqualTo(ADD)));
        assertThat(adds).hasSize(2);
        assertThat(adds.get(0).getBodyAsString()).as("the repeat is the same request, Overwrite true").isEqualTo(adds.get(1).getBodyAsString());
    }

    @Test
    void aFinalizeThatFailedIsRepeatedWithoutAddingAgain() {
        go.stubFor(post(urlEqualTo(FINALIZE)).inScenario("finalize").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(500)));
        go.stubFor(post(urlEqualTo(FINALIZE)).inScenario("finalize").whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200)));
        TestFiling.MemoryCheckpoints checkpoints = new TestFiling.MemoryCheckpoints();

        filing.call(DestinationType.GET_ORGANIZED, () -> adapter.file(TestFiling.mail("borgerservice"), ROUTE, ORIGINAL, checkpoints));

        go.verify(1, postRequestedFor(urlEqualTo(ADD)));
        go.verify(2, postRequestedFor(urlEqualTo(FINALIZE)));
    }

    @Test
    void noAnswerWithinTheTimeoutIsATransientFailure() {
        go.stubFor(post(urlEqualTo(ADD)).willReturn(aResponse().withFixedDelay(2000).withBody("{\"DocId\":1}")));

        assertThatThrownBy(() -> adapter(Duration.ofMillis(300)).file(TestFiling.mail("borgerservice"), ROUTE, ORIGINAL,
                new TestFiling.MemoryCheckpoints()))
                .isInstanceOf(FilingException.Unavailable.class).hasMessageContaining("no answer within PT0.3S");
    }

    @Test
    void anUnknownCaseIsRejectedWithoutRetry() {
        go.stubFor(post(urlEqualTo(ADD)).willReturn(aResponse().withStatus(404).withBody("{\"Message\":\"Case not found\"}")));

        assertThatThrownBy(() -> filing.call(DestinationType.GET_ORGANIZED, () -> adapter.file(TestFiling.mail("borgerservice"), ROUTE,
                ORIGINAL, new TestFiling.MemoryCheckpoints())))
                .isInstanceOf(FilingException.Rejected.class).hasMessageContaining("HTTP 404");
        go.verify(1, postRequestedFor(urlEqualTo(ADD)));
    }

    @Test
    void theCircuitOpensWhileGetOrganizedIsDownAndClosesWhenItIsBack() {
        go.stubFor(any(urlMatching("/_goapi/.*")).atPriority(1).willReturn(aResponse().withStatus(502)));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> filing.call(DestinationType.GET_ORGANIZED, () -> adapter.file(TestFiling.mail("borgerservice"), ROUTE,
                    ORIGINAL, new TestFiling.MemoryCheckpoints())))
                    .isInstanceOfAny(FilingException.Unavailable.class, CallNotPermittedException.class);
        }
        assertThat(filing.state(DestinationType.GET_ORGANIZED)).isEqualTo(CircuitBreaker.State.OPEN);

        go.resetAll();
        install();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).ignoreException(CallNotPermittedException.class)
                .untilAsserted(() -> assertThat(filing.call(DestinationType.GET_ORGANIZED, () -> adapter.file(
                        TestFiling.mail("borgerservice"), ROUTE, ORIGINAL, new TestFiling.MemoryCheckpoints()))).endsWith(":4242"));
        assertThat(filing.state(DestinationType.GET_ORGANIZED)).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private GetOrganizedAdapter adapter(Duration timeout) {
        return new GetOrganizedAdapter(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                new GetOrganizedProperties(URI.create(go.baseUrl()), "KOMMUNE\\svc-post", "pw", "Dokumenter", timeout));
    }
}
