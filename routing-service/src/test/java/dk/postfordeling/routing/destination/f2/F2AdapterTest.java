package dk.postfordeling.routing.destination.f2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.contracts.Explanation;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.RoutingHints;
import dk.postfordeling.routing.destination.Checkpoints;
import dk.postfordeling.routing.destination.FilingException;
import dk.postfordeling.routing.destination.ResilientFiling;
import dk.postfordeling.routing.destination.TestFiling;
import dk.postfordeling.routing.table.Route;
import dk.postfordeling.testing.F2Simulator;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The F2 adapter against a stub of F2's documented API, under the same Resilience4j decorators as in service. */
class F2AdapterTest {

    private static final Route.ToDestination ROUTE = new Route.ToDestination("byggeri", DestinationType.F2, F2Simulator.CASE_ID, null);
    private static final byte[] ORIGINAL = "From: borger@example.org\r\nSubject: Byggetilladelse\r\n\r\nHej\r\n".getBytes(StandardCharsets.US_ASCII);

    private final F2Simulator simulator = new F2Simulator();
    private final WireMockServer f2 = simulator.server();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private ResilientFiling filing;
    private F2Adapter adapter;

    @BeforeEach
    void start() {
        simulator.install("t1");
        adapter = adapter(Duration.ofSeconds(2));
        filing = TestFiling.resilience();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void filesAnInboundMatterWithTheOriginalAsItsDocument() {
        MemoryCheckpoints checkpoints = new MemoryCheckpoints();

        String matter = filing.call(DestinationType.F2, () -> adapter.file(mail(), ROUTE, ORIGINAL, checkpoints));

        assertThat(matter).startsWith(f2.baseUrl() + "/F2Rest/matters/");
        f2.verify(1, postRequestedFor(urlMatching("/F2Rest/poe/.+"))
                .withHeader("Content-Type", equalTo(F2Adapter.MEDIA_TYPE))
                .withRequestBody(matching("(?s).*<Title>Ansøgning om byggetilladelse</Title><Type>Inbound</Type>.*"))
                .withRequestBody(matching("(?s).*<KeywordCodes>02.34.02</KeywordCodes>.*")));
        f2.verify(1, postRequestedFor(urlMatching("/F2Rest/poe-doc/.+"))
                .withRequestBody(matching("(?s).*name=\"File\"; filename=\"original.eml\".*Subject: Byggetilladelse.*")));
        assertThat(checkpoints.saved).containsKeys("matter-poe", "matter", "document-poe", "document");
    }

    @Test
    void aMatterWhoseAnswerWasLostIsNotCreatedAgain() {
        // F2 creates the matter but the connection drops before the answer; the same one-time URL
        // POSTed again answers 303 See Other pointing at the matter that exists.
        f2.stubFor(post(urlMatching("/F2Rest/cases/[^/]+/matters")).withHeader("Authorization", equalTo("Bearer t1"))
                .willReturn(aResponse().withStatus(201).withHeader("Location", "/F2Rest/poe/once-1")));
        f2.stubFor(post(urlEqualTo("/F2Rest/poe/once-1")).inScenario("lost answer").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("created").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        f2.stubFor(post(urlEqualTo("/F2Rest/poe/once-1")).inScenario("lost answer").whenScenarioStateIs("created")
                .willReturn(aResponse().withStatus(303).withHeader("Location", "/F2Rest/matters/once-1")));
        MemoryCheckpoints checkpoints = new MemoryCheckpoints();

        assertThatThrownBy(() -> adapter.file(mail(), ROUTE, ORIGINAL, checkpoints)).isInstanceOf(FilingException.Unavailable.class);
        String matter = adapter.file(mail(), ROUTE, ORIGINAL, checkpoints);

        assertThat(matter).isEqualTo(f2.baseUrl() + "/F2Rest/matters/once-1");
        f2.verify(1, postRequestedFor(urlMatching("/F2Rest/cases/[^/]+/matters")));
        f2.verify(2, postRequestedFor(urlEqualTo("/F2Rest/poe/once-1")));
        f2.verify(1, postRequestedFor(urlMatching("/F2Rest/poe-doc/.+")));
    }

    @Test
    void anExpiredTokenIsReplacedAndTheCallRepeated() {
        adapter.file(mail(), ROUTE, ORIGINAL, new MemoryCheckpoints());
        f2.resetRequests();
        simulator.install("t2"); // F2 now only accepts a new token; t1 answers 401

        adapter.file(mail(), ROUTE, ORIGINAL, new MemoryCheckpoints());

        f2.verify(1, postRequestedFor(urlEqualTo("/F2Rest/oauth2/token")));
        f2.verify(1, postRequestedFor(urlMatching("/F2Rest/poe-doc/.+")).withHeader("Authorization", equalTo("Bearer t2")));
    }

    @Test
    void aTokenIsFetchedAgainWhenItExpires() {
        adapter.file(mail(), ROUTE, ORIGINAL, new MemoryCheckpoints());
        clock.advance(Duration.ofHours(1));

        adapter.file(mail(), ROUTE, ORIGINAL, new MemoryCheckpoints());

        f2.verify(2, postRequestedFor(urlEqualTo("/F2Rest/oauth2/token")));
    }

    @Test
    void aServerErrorIsRetriedUntilF2Answers() {
        f2.stubFor(post(urlMatching("/F2Rest/poe/.+")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("recovered").willReturn(aResponse().withStatus(503)));
        f2.stubFor(post(urlMatching("/F2Rest/poe/.+")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withHeader("Location", "/F2Rest/matters/m-9")));
        MemoryCheckpoints checkpoints = new MemoryCheckpoints();

        String matter = filing.call(DestinationType.F2, () -> adapter.file(mail(), ROUTE, ORIGINAL, checkpoints));

        assertThat(matter).endsWith("/F2Rest/matters/m-9");
        f2.verify(2, postRequestedFor(urlMatching("/F2Rest/poe/.+")));
        f2.verify(1, postRequestedFor(urlMatching("/F2Rest/cases/[^/]+/matters"))); // the same one-time URL both times
    }

    @Test
    void noAnswerWithinTheTimeoutIsATransientFailure() {
        f2.stubFor(post(urlMatching("/F2Rest/poe/.+")).withHeader("Authorization", equalTo("Bearer t1"))
                .willReturn(aResponse().withStatus(201).withFixedDelay(3000).withHeader("Location", "/F2Rest/matters/slow")));
        F2Adapter impatient = adapter(Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.file(mail(), ROUTE, ORIGINAL, new MemoryCheckpoints()))
                .isInstanceOf(FilingException.Unavailable.class)
                .hasMessageContaining("no answer within PT0.3S");
    }

    @Test
    void aRefusedMatterIsRejectedWithoutRetry() {
        f2.stubFor(post(urlMatching("/F2Rest/poe/.+")).withHeader("Authorization", equalTo("Bearer t1"))
                .willReturn(aResponse().withStatus(400).withBody("<Error>Unknown keyword code</Error>")));

        assertThatThrownBy(() -> filing.call(DestinationType.F2, () -> adapter.file(mail(), ROUTE, ORIGINAL, new MemoryCheckpoints())))
                .isInstanceOf(FilingException.Rejected.class)
                .hasMessageContaining("HTTP 400");
        f2.verify(1, postRequestedFor(urlMatching("/F2Rest/poe/.+")));
        assertThat(filing.state(DestinationType.F2)).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theCircuitOpensWhileF2IsDownAndClosesWhenItIsBack() {
        f2.stubFor(post(urlMatching("/F2Rest/poe/.+")).atPriority(1).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> filing.call(DestinationType.F2, () -> adapter.file(mail(), ROUTE, ORIGINAL, new MemoryCheckpoints())))
                    .isInstanceOfAny(FilingException.Unavailable.class, CallNotPermittedException.class);
        }
        assertThat(filing.state(DestinationType.F2)).isEqualTo(CircuitBreaker.State.OPEN);
        int requestsWhenOpened = f2.getAllServeEvents().size();
        assertThatThrownBy(() -> filing.call(DestinationType.F2, () -> adapter.file(mail(), ROUTE, ORIGINAL, new MemoryCheckpoints())))
                .isInstanceOf(CallNotPermittedException.class);
        assertThat(f2.getAllServeEvents()).as("an open circuit does not call F2").hasSize(requestsWhenOpened);

        simulator.install("t1");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).ignoreException(CallNotPermittedException.class).untilAsserted(() ->
                assertThat(filing.call(DestinationType.F2, () -> adapter.file(mail(), ROUTE, ORIGINAL, new MemoryCheckpoints())))
                        .contains("/F2Rest/matters/"));
        assertThat(filing.state(DestinationType.F2)).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private F2Adapter adapter(Duration timeout) {
        return new F2Adapter(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                new F2Properties(URI.create(f2.baseUrl()), "postfordeling", "hemmelig", "postfordeling", timeout), clock);
    }

    private static MailClassified mail() {
        return TestFiling.mail("byggeri");
    }

    static final class MemoryCheckpoints extends TestFiling.MemoryCheckpoints {
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
