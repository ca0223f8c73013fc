package dk.postfordeling.routing.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dk.postfordeling.routing.RoutingTestParts;
import dk.postfordeling.routing.WithRoutingService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin page shows the classifier's model versions with the shadow evaluation of a retrained
 * model against the one it was compared with, and starts a retraining. The classifier is a stub
 * answering with the shape of classifier-service's {@code /api/v1/models} (RetrainingTest there
 * checks the real answer).
 */
@WithRoutingService
class AdminModelsPageTest {

    static final WireMockServer CLASSIFIER = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        CLASSIFIER.start();
    }

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        RoutingTestParts.register(registry);
        registry.add("postfordeling.workbench.classifier-uri", CLASSIFIER::baseUrl);
        registry.add("postfordeling.workbench.classifier-client-id", () -> "routing");
        registry.add("postfordeling.workbench.classifier-client-secret", () -> "klassifikator-hemmelighed");
        registry.add("postfordeling.routing.destinations.skole.target-precision", () -> "0.97");
    }

    @AfterAll
    static void stop() {
        CLASSIFIER.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void anAdminSeesTheComparisonAndStartsRetraining() throws Exception {
        CLASSIFIER.stubFor(get(urlEqualTo("/api/v1/models")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"current": "retrained-20261123-0900", "retraining": "Ny model retrained-20261123-0900 er taget i brug.", "retrainingState": "IDLE",
                 "versions": [
                   {"version": "retrained-20261123-0900", "trainedAt": "2026-11-23T09:00:00Z", "rows": 227, "labels": 8, "current": true,
                    "expected": {"targetPrecision": 0.95, "routedShare": 0.736, "precision": 0.9801, "perLabel": {
                      "skole": {"predicted": 40, "routed": 30, "routedCorrect": 29, "atBars": {
                        "0.9": {"routed": 28, "routedCorrect": 28}, "0.95": {"routed": 25, "routedCorrect": 25},
                        "0.98": {"routed": 20, "routedCorrect": 20}, "0.99": {"routed": 10, "routedCorrect": 10}}},
                      "boern-og-familie": {"predicted": 50, "routed": 45, "routedCorrect": 44, "atBars": {
                        "0.9": {"routed": 40, "routedCorrect": 40}, "0.95": {"routed": 30, "routedCorrect": 30},
                        "0.98": {"routed": 12, "routedCorrect": 12}, "0.99": {"routed": 5, "routedCorrect": 5}}}}},
                    "feedbackRows": 34, "shadow": {"candidateVersion": "retrained-20261123-0900", "currentVersion": "sample-da-20261120",
                      "examples": 8, "candidateAccuracy": 1.0, "currentAccuracy": 0.0, "candidateWronglyRouted": 0,
                      "currentWronglyRouted": 0, "verdict": "PROMOTED"}},
                   {"version": "retrained-20261122-0900", "trainedAt": "2026-11-22T09:00:00Z", "rows": 200, "labels": 7, "current": false,
                    "feedbackRows": 6, "shadow": {"examples": 2, "candidateAccuracy": 0.5, "currentAccuracy": 1.0,
                      "candidateWronglyRouted": 1, "currentWronglyRouted": 0, "verdict": "REJECTED"}},
                   {"version": "sample-da-20261120", "trainedAt": "2026-11-20T09:00:00Z", "rows": 193, "labels": 7, "current": false}
                 ]}""")));
        CLASSIFIER.stubFor(post(urlEqualTo("/api/v1/models/retraining")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Genoptræning startet.\"}")));

        WebSession admin = new WebSession(port);
        admin.signIn("adm_eva", RoutingTestParts.PASSWORD);
        HttpResponse<String> page = admin.get("/admin");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("retrained-20261123-0900", "8 afgørelser: træfsikkerhed 1.0 / 0.0, fejlfordelt 0 / 0",
                "i brug", "afvist: dårligere end modellen i brug", "Ny model retrained-20261123-0900 er taget i brug.",
                "73 % af posten, heraf 98 % rigtigt (mål 95 %)");
        // Per destination: skole asks for 97 %, shown at the 98 % bar the classifier recorded (20 of 40 predictions).
        String expected = page.body().substring(page.body().indexOf("Forventet pr. modtager: retrained-20261123-0900 (i brug)"));
        assertThat(expected).containsPattern("<td>skole</td><td>97 %</td><td>40</td>\\s*<td>20 \\(50 %\\)</td>\\s*<td>100 %</td>");
        // Routing calls the model API as its own client of the classifier.
        CLASSIFIER.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/api/v1/models"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Basic "
                        + java.util.Base64.getEncoder().encodeToString("routing:klassifikator-hemmelighed".getBytes()))));

        HttpResponse<String> started = admin.post("/admin/models/retrain", "_csrf=" + WebSession.enc(WebSession.csrfOf(page.body())));
        assertThat(started.statusCode()).isEqualTo(302);
        CLASSIFIER.verify(1, postRequestedFor(urlEqualTo("/api/v1/models/retraining")));
        assertThat(admin.get("/admin").body()).contains("Genoptræning startet.");
    }

    /** A model card in the shape of classifier-service's card API, for the version the stub has in use. */
    static String modelCard() throws java.io.IOException {
        try (java.io.InputStream in = AdminModelsPageTest.class.getResourceAsStream("/classifier/model-card.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * The model card of the model in use: Danish, with the figures the classifier recorded (the stub
     * answers in the shape of classifier-service's card API; RetrainingTest checks the real answer),
     * and the same card as a PDF that opens — its first page rendered to an image.
     */
    @Test
    void theModelCardRendersInDanishAndAsAPdf() throws Exception {
        CLASSIFIER.stubFor(get(urlEqualTo("/api/v1/models/retrained-20261123-0900/card")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(modelCard())));
        CLASSIFIER.stubFor(get(urlEqualTo("/api/v1/models/ingen/card")).willReturn(aResponse().withStatus(404)));
        WebSession admin = new WebSession(port);
        admin.signIn("adm_eva", RoutingTestParts.PASSWORD);

        String card = admin.get("/admin/models/retrained-20261123-0900/card").body();
        assertThat(card).contains("Modelkort: retrained-20261123-0900", "Tilsigtet brug og begrænsninger", "Træningsdata",
                "Persondata i træningen", "Evaluering", "Kalibrering og tærskler", "Ændringer siden forrige version", "Ibrugtagning",
                "91,6 %", "73,6 % af posten", "98,0 % (mål 95,0 %)", "cpr=yes", "12 eksempler, træfsikkerhed 75,0 %",
                "altid en medarbejder", "Nye modtagere: dyr-og-natur.", "Eksempler: 193 → 227.", "Taget i brug automatisk af genoptræningen");
        assertThat(admin.get("/admin/models/ingen/card").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin").body()).contains("/admin/models/retrained-20261123-0900/card");

        HttpResponse<byte[]> pdf = admin.getBytes("/admin/models/retrained-20261123-0900/card.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            java.awt.image.BufferedImage first = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 50);
            long inked = 0;
            for (int y = 0; y < first.getHeight(); y++) {
                for (int x = 0; x < first.getWidth(); x++) {
                    inked += (first.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
                }
            }
            assertThat(inked).as("the first page shows text").isGreaterThan(1000);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Modelkort: retrained-20261123-0900", "Træningsdata", "Persondata i træningen", "91,6 %",
                    "Nye modtagere: dyr-og-natur.");
        }
        WebSession reviewer = new WebSession(port);
        reviewer.signIn("rv_anna", RoutingTestParts.PASSWORD);
        assertThat(reviewer.get("/admin/models/retrained-20261123-0900/card.pdf").statusCode()).isEqualTo(403);
    }
}
