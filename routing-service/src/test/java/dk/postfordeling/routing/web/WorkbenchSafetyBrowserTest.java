package dk.postfordeling.routing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailContent;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.StoredBlob;
import dk.postfordeling.routing.RoutingTestParts;
import dk.postfordeling.routing.WithRoutingService;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a reviewer's browser must never do and where each role lands, in real headless Chromium:
 * a PDF whose script would call out (to a listener on this machine) and spin forever is shown as
 * page images, so nothing calls out and the page stays responsive; each role lands on its own start
 * page and its menu offers only what it may open; errors are Danish pages. Every page passes axe-core.
 */
@WithRoutingService
class WorkbenchSafetyBrowserTest {

    /** The classifier's model API, answering with a model card (AdminModelsPageTest checks the card's content). */
    static final com.github.tomakehurst.wiremock.WireMockServer CLASSIFIER = new com.github.tomakehurst.wiremock.WireMockServer(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) throws Exception {
        RoutingTestParts.register(registry);
        CLASSIFIER.start();
        CLASSIFIER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/models/retrained-20261123-0900/card")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(AdminModelsPageTest.modelCard())));
        registry.add("postfordeling.workbench.classifier-uri", CLASSIFIER::baseUrl);
    }

    @org.junit.jupiter.api.AfterAll
    static void stopTheClassifier() {
        CLASSIFIER.stop();
    }

    @org.springframework.beans.factory.annotation.Autowired
    dk.postfordeling.routing.pause.RoutingPauses pauses;

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BlobStore blobStore;

    @Test
    void aPdfsScriptNeverRunsInTheReviewersBrowser() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        listener.start();
        try (Browser browser = new Browser()) {
            String target = "http://127.0.0.1:" + listener.getAddress().getPort();
            StoredBlob mail = blobStore.put(new ByteArrayInputStream(emailWithPdf(hostilePdf(target))));
            MailClassified classified = new MailClassified(MailId.forContent(mail.sha256()), Channel.EMAIL_IMAP, mail.uri(),
                    List.of(new LabelScore("parkering", 0.40)), Decision.REVIEW,
                    List.of(new DecisionReason("LOW_CONFIDENCE", "Usikker.")), null, null, "model-test", Instant.now(),
                    new MailContent("Bilag", "Se vedhæftede PDF.", 0, false, "da"));
            kafka.send(Topics.MAIL_CLASSIFIED.name(), classified.mailId().toString(), classified);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from review_item where mail_id = :id")
                    .param("id", classified.mailId().value()).query(Long.class).single() == 1);

            signIn(browser, "rv_anna");
            browser.driver.get(url("/mail/" + classified.mailId()));
            WebElement page = new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.original img.page")));
            await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) browser.driver.executeScript(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0", page)).intValue() > 0);
            assertThat(browser.driver.findElements(By.cssSelector("iframe, embed, object"))).isEmpty();
            // No request during the time a viewer would have needed to run the OpenAction script.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> calls.get() == 0);
            // The page still answers: a script spinning forever would have frozen it.
            assertThat(browser.driver.executeScript("return document.title")).asString().contains("Postfordeling");
            browser.screenshot("10-pdf-as-images");
            assertThat(Axe.violations(browser.driver)).isEmpty();

            // The file itself is a download, under a sandbox policy should a browser open it anyway.
            var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(url("/mail/" + classified.mailId() + "/attachments/0")))
                    .header("Cookie", "JSESSIONID=" + browser.driver.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
            assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox");
        } finally {
            listener.stop(0);
        }
    }

    @Test
    void eachRoleLandsOnItsOwnPageAndErrorsAreDanishPages() throws Exception {
        try (Browser browser = new Browser()) {
            var driver = browser.driver;
            // The checker itself finds what it should: a page without a language and an image without a text.
            driver.get("data:text/html,<html><head><title>x</title></head><body><main><img src='x.png'></main></body></html>");
            assertThat(Axe.violations(driver)).anySatisfy(v -> assertThat(v).startsWith("html-has-lang"))
                    .anySatisfy(v -> assertThat(v).startsWith("image-alt"));
            driver.get(url("/login"));
            assertThat(Axe.violations(driver)).as("login").isEmpty();

            signIn(browser, "ops_ole");
            assertThat(driver.getCurrentUrl()).endsWith("/ops");
            assertThat(driver.findElements(By.cssSelector("header nav a"))).extracting(WebElement::getText).containsExactly("Drift", "Effekt");
            assertThat(Axe.violations(driver)).as("ops").isEmpty();
            driver.findElement(By.linkText("Effekt")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("row-received")));
            assertThat(driver.findElement(By.id("row-received")).getText()).startsWith("Post modtaget");
            browser.screenshot("12-efficiency");
            assertThat(Axe.violations(driver)).as("efficiency report").isEmpty();

            driver.get(url("/queue"));
            assertThat(driver.getTitle()).isEqualTo("Du har ikke adgang til siden · Postfordeling");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Du har ikke adgang til siden");
            assertThat(driver.getPageSource()).doesNotContain("Whitelabel");
            browser.screenshot("11-error-403");
            assertThat(Axe.violations(driver)).as("403 page").isEmpty();

            driver.findElement(By.linkText("Til din startside")).click();
            assertThat(driver.getCurrentUrl()).endsWith("/ops");
            logOut(browser);

            signIn(browser, "rv_anna");
            assertThat(driver.getCurrentUrl()).endsWith("/queue");
            assertThat(driver.findElements(By.cssSelector("nav a"))).extracting(WebElement::getText)
                    .containsExactly("Kø", "Automatisk fordelt");
            driver.get(url("/mail/" + UUID.randomUUID()));
            assertThat(driver.getTitle()).isEqualTo("Siden findes ikke · Postfordeling");
            driver.get(url("/findes-ikke"));
            assertThat(driver.getTitle()).isEqualTo("Siden findes ikke · Postfordeling");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
            assertThat(Axe.violations(driver)).as("404 page").isEmpty();
            driver.get(url("/mail/ikke-et-id"));
            assertThat(driver.getTitle()).isEqualTo("Forespørgslen kunne ikke forstås · Postfordeling");
            assertThat(Axe.violations(driver)).as("400 page").isEmpty();
            logOut(browser);

            signIn(browser, "adm_eva");
            assertThat(driver.getCurrentUrl()).endsWith("/queue");
            assertThat(driver.findElements(By.cssSelector("nav a"))).extracting(WebElement::getText)
                    .containsExactly("Kø", "Automatisk fordelt", "Drift", "Effekt", "Administration");
            driver.get(url("/admin"));
            assertThat(Axe.violations(driver)).as("admin").isEmpty();
            // Stopping all automatic routing: every page says so until it is resumed.
            driver.findElement(By.id("pause-reason")).sendKeys("Modellen undersøges", Keys.ENTER);
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("routing-paused")));
            assertThat(driver.findElement(By.id("routing-paused")).getText()).contains("pause", "Modellen undersøges");
            assertThat(Axe.violations(driver)).as("admin while paused").isEmpty();
            driver.get(url("/queue"));
            assertThat(driver.findElement(By.id("routing-paused")).getText()).contains("for al post");
            browser.screenshot("13-paused");
            assertThat(Axe.violations(driver)).as("queue while paused").isEmpty();
            driver.get(url("/admin"));
            driver.findElement(By.id("resume-everything")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("audit-link")));
            assertThat(driver.findElements(By.id("routing-paused"))).isEmpty();
            driver.findElement(By.id("audit-link")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("actor")));
            driver.findElement(By.id("actor")).sendKeys("adm_eva", Keys.ENTER);
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("audit")));
            assertThat(driver.findElement(By.id("audit")).getText()).contains("PAUSE", "RESUME");
            browser.screenshot("14-audit");
            assertThat(Axe.violations(driver)).as("audit log").isEmpty();
            driver.get(url("/admin/models/retrained-20261123-0900/card"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Modelkort: retrained-20261123-0900");
            browser.screenshot("15-model-card");
            assertThat(Axe.violations(driver)).as("model card").isEmpty();
        }
    }

    /** Other test classes share this database: a pause this class set must never outlive it. */
    @org.junit.jupiter.api.AfterEach
    void resumeRouting() {
        pauses.resume(dk.postfordeling.routing.policy.Pauses.EVERYTHING, "test");
    }

    private void signIn(Browser browser, String user) {
        browser.driver.get(url("/login"));
        browser.driver.findElement(By.id("username")).sendKeys(user);
        browser.driver.findElement(By.id("password")).sendKeys(RoutingTestParts.PASSWORD, Keys.ENTER);
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void logOut(Browser browser) {
        browser.driver.get(url("/ops").replace("/ops", "/login"));
        browser.driver.manage().deleteAllCookies();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A one-page PDF whose OpenAction calls out to {@code target} and then spins forever. */
    private static byte[] hostilePdf(String target) throws Exception {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 700);
                text.showText("Kontrolafgift - bilag");
                text.endText();
            }
            pdf.getDocumentCatalog().setOpenAction(new PDActionJavaScript(
                    "app.launchURL('" + target + "/launch', true); this.submitForm('" + target + "/submit');"
                            + " var x = new XMLHttpRequest(); x.open('GET', '" + target + "/xhr'); x.send(); while (true) {}"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] emailWithPdf(byte[] pdf) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom("borger@example.dk");
        message.setSubject("Bilag " + UUID.randomUUID());
        MimeBodyPart body = new MimeBodyPart();
        body.setText("Se vedhæftede PDF.", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName("bilag.pdf");
        message.setContent(new MimeMultipart(body, attachment));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
