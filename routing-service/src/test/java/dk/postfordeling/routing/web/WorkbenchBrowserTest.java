package dk.postfordeling.routing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.postfordeling.contracts.Channel;
import dk.postfordeling.contracts.Decision;
import dk.postfordeling.contracts.DecisionReason;
import dk.postfordeling.contracts.ExplainingPhrase;
import dk.postfordeling.contracts.Explanation;
import dk.postfordeling.contracts.LabelScore;
import dk.postfordeling.contracts.MailClassified;
import dk.postfordeling.contracts.MailContent;
import dk.postfordeling.contracts.MailId;
import dk.postfordeling.contracts.RoutingCorrected;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.StoredBlob;
import dk.postfordeling.routing.RoutingTestParts;
import dk.postfordeling.routing.WithRoutingService;
import dk.postfordeling.testing.KafkaTestConsumer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The workbench in real headless Chromium, from the keyboard where staff would use it: sign in,
 * open the oldest item, claim it, route it to a suggestion, correct a mail the model routed, and
 * open the transparency page. (Mail goes to mailboxes no other test signs in to: the test mail
 * server is shared.) Screenshots of each page are kept in {@code target/screenshots}.
 */
@WithRoutingService
class WorkbenchBrowserTest {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        RoutingTestParts.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BlobStore blobStore;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void signInClaimRouteCorrectAndExplain() throws Exception {
        StoredBlob letter = store(sample("parking-complaint-with-pdf.eml"));
        MailClassified unsure = new MailClassified(MailId.forContent(letter.sha256()), Channel.EMAIL_IMAP, letter.uri(),
                List.of(new LabelScore("parkering", 0.48), new LabelScore("vej-og-park", 0.31), new LabelScore("byggeri", 0.12)),
                Decision.REVIEW, List.of(new DecisionReason("LOW_CONFIDENCE", "Modellen er kun 48 % sikker på parkering, under tærsklen på 93 %.")),
                new Explanation("parkering", List.of(new ExplainingPhrase("kontrolafgift", 0.42), new ExplainingPhrase("bil", 0.11)),
                        "Ordene »kontrolafgift«, »bil« peger mest mod parkering."),
                null, "model-2026-11-20", Instant.now(),
                new MailContent("Klage over kontrolafgift", "Jeg har fået en kontrolafgift, men min bil holdt lovligt.\nVenlig hilsen", 0, false, "da"));
        StoredBlob bulky = store(sample("bulky-waste-pickup.eml"));
        MailClassified routed = new MailClassified(MailId.forContent(bulky.sha256()), Channel.UPLOAD, bulky.uri(),
                List.of(new LabelScore("borgerservice", 0.97), new LabelScore("byggeri", 0.02)), Decision.ROUTE,
                List.of(new DecisionReason("CONFIDENT", "Modellen er 97 % sikker på borgerservice, over tærsklen på 90 %."),
                        new DecisionReason("SENTENCE_MEANING", "Ordene alene var ikke sikre nok, så sætningens betydning blev også "
                                + "vurderet (en forudtrænet sprogmodel): sætningens betydning stod for 40 % af afgørelsen, ordene for 60 %.")),
                new Explanation("borgerservice", List.of(new ExplainingPhrase("storskrald", 0.8)), "Ordet »storskrald« peger mest mod borgerservice."),
                null, "model-2026-11-20", Instant.now(),
                new MailContent("Storskrald", "Hvornår henter I storskrald? Jeg skal også have en byggetilladelse.", 0, false, "da"));
        Files.createDirectories(Browser.SCREENSHOTS);
        try (var feedback = new KafkaTestConsumer<RoutingCorrected>(brokers, Topics.MAIL_FEEDBACK);
                Browser browser = new Browser()) {
            kafka.send(Topics.MAIL_CLASSIFIED.name(), unsure.mailId().toString(), unsure);
            kafka.send(Topics.MAIL_CLASSIFIED.name(), routed.mailId().toString(), routed);
            await().atMost(Duration.ofSeconds(30)).until(() -> outcome(unsure.mailId()).equals("REVIEW")
                    && outcome(routed.mailId()).equals("ROUTED"));
            var driver = browser.driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

            // Anonymous: sent to the sign-in page.
            driver.get(url("/queue"));
            assertThat(driver.getCurrentUrl()).endsWith("/login");
            driver.findElement(By.id("username")).sendKeys("rv_anna");
            driver.findElement(By.id("password")).sendKeys(RoutingTestParts.PASSWORD);
            browser.screenshot("01-login");
            assertThat(Axe.violations(driver)).as("login").isEmpty();
            driver.findElement(By.id("password")).sendKeys(Keys.ENTER);

            // The queue, oldest first; the item is opened from the keyboard (j, Enter).
            wait.until(ExpectedConditions.urlContains("/queue"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Post til fordeling");
            WebElement row = driver.findElement(By.cssSelector("tr[data-mail='" + unsure.mailId() + "']"));
            assertThat(row.getText()).contains("parkering (48 %)", "e-mail", "dansk", "under tærsklen");
            browser.screenshot("02-queue");
            assertThat(Axe.violations(driver)).as("queue").isEmpty();
            focusRowOf(browser, unsure.mailId().toString());
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            wait.until(ExpectedConditions.urlContains("/mail/" + unsure.mailId()));

            // Claim with "t"; the explanation's phrase is highlighted in the text; the original's headers and PDF attachment are there.
            new Actions(driver).sendKeys("t").perform();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Du har taget posten."));
            assertThat(driver.findElements(By.cssSelector("pre.mailtext mark"))).extracting(WebElement::getText)
                    .contains("kontrolafgift", "bil");
            assertThat(driver.findElement(By.cssSelector("dl.headers")).getText()).contains("Fra", "Emne");
            assertThat(driver.findElements(By.cssSelector("section.original img.page"))).isNotEmpty();
            assertThat(driver.findElement(By.cssSelector("pre.mailtext")).getAttribute("lang")).isEqualTo("da");
            assertThat(driver.findElement(By.id("suggestion-2")).getText()).contains("vej-og-park", "31 %");
            browser.screenshot("03-mail-claimed");
            assertThat(Axe.violations(driver)).as("mail").isEmpty();

            // Route to the second suggestion with "2": back in the queue with an undo button; the mail is filed there.
            new Actions(driver).sendKeys("2").perform();
            wait.until(ExpectedConditions.urlContains("/queue"));
            assertThat(driver.findElement(By.cssSelector(".flash.ok")).getText()).contains("fordelt til vej-og-park");
            assertThat(driver.findElements(By.id("undo"))).hasSize(1);
            browser.screenshot("04-routed-with-undo");
            await().atMost(Duration.ofSeconds(20)).until(() -> outcome(unsure.mailId()).equals("ROUTED"));
            assertThat(jdbc.sql("select destination_key || ' ' || decided_by from routing_outcome where mail_id = :id")
                    .param("id", unsure.mailId().value()).query(String.class).single()).isEqualTo("vej-og-park REVIEWER");

            // Correct the auto-routed mail from the list of recent automatic routings, by searching for a destination.
            driver.findElement(By.linkText("Automatisk fordelt")).click();
            wait.until(ExpectedConditions.urlContains("/recent"));
            browser.screenshot("05-recent");
            assertThat(Axe.violations(driver)).as("recent").isEmpty();
            driver.findElement(By.cssSelector("tr[data-mail='" + routed.mailId() + "'] a.open")).click();
            wait.until(ExpectedConditions.urlContains("/mail/" + routed.mailId()));
            assertThat(driver.findElement(By.id("decide-h")).getText()).isEqualTo("Ret fordelingen");
            // The sentence encoder's share of the decision is told as such, next to the words behind it.
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("sætningens betydning stod for 40 % af afgørelsen, ordene for 60 %");
            new Actions(driver).sendKeys("/").perform();
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("destination");
            driver.switchTo().activeElement().sendKeys("byggeri", Keys.ENTER);
            wait.until(ExpectedConditions.urlContains("/recent"));
            assertThat(driver.findElement(By.cssSelector(".flash.ok")).getText()).contains("Rettet", "byggeri");
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                    select count(*) from delivery where mail_id = :id and state = 'CONFIRMED'""")
                    .param("id", routed.mailId().value()).query(Long.class).single() == 2);
            assertThat(jdbc.sql("select destination_key from routing_outcome where mail_id = :id")
                    .param("id", routed.mailId().value()).query(String.class).single()).isEqualTo("byggeri");

            // The transparency page: model version, top labels, thresholds, who corrected it and when; printable and exportable.
            driver.get(url("/mail/" + routed.mailId() + "/why"));
            String page = driver.findElement(By.tagName("main")).getText();
            assertThat(page).contains("model-2026-11-20", "borgerservice", "97 %", "over tærsklen på 90 %", "storskrald",
                    "sætningens betydning stod for 40 % af afgørelsen, ordene for 60 %",
                    "rettede fra borgerservice til byggeri", "rv_anna");
            assertThat(driver.findElement(By.id("export")).getAttribute("href")).endsWith("/mail/" + routed.mailId() + "/why.json");
            assertThat(driver.findElements(By.id("print"))).hasSize(1);
            assertThat(driver.findElement(By.id("handling-state")).getText())
                    .isEqualTo("Posten blev først fordelt af modellen; en medarbejder rettede den bagefter til byggeri.");
            browser.screenshot("06-transparency");
            assertThat(Axe.violations(driver)).as("transparency").isEmpty();

            // Both decisions reached the feedback topic for the classifier.
            await().atMost(Duration.ofSeconds(20)).until(() -> feedback.valuesFor(unsure.mailId().toString()).size()
                    + feedback.valuesFor(routed.mailId().toString()).size() == 2);
            assertThat(feedback.valuesFor(unsure.mailId().toString())).extracting(RoutingCorrected::toLabel).containsExactly("vej-og-park");
            assertThat(feedback.valuesFor(routed.mailId().toString())).extracting(RoutingCorrected::toLabel).containsExactly("byggeri");
            assertThat(jdbc.sql("select count(*) from audit_log where actor = 'rv_anna' and action in ('DECIDE', 'CORRECT') and mail_id in (:ids)")
                    .param("ids", List.of(unsure.mailId().value(), routed.mailId().value())).query(Long.class).single()).isEqualTo(2);

            // Ops sees the flow and the corrections as figures and a chart, without mail content.
            driver.findElement(By.cssSelector("form.logout button")).click();
            wait.until(ExpectedConditions.urlContains("/login"));
            driver.findElement(By.id("username")).sendKeys("ops_ole");
            driver.findElement(By.id("password")).sendKeys(RoutingTestParts.PASSWORD, Keys.ENTER);
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            assertThat(driver.getCurrentUrl()).as("ops lands on its own page").endsWith("/ops");
            assertThat(driver.findElements(By.cssSelector("#daily-chart rect.auto"))).hasSize(14);
            // The corrected mail counts as routed automatically to borgerservice and corrected: observed accuracy 0 %.
            assertThat(driver.findElements(By.cssSelector("#mailboxes tbody tr"))).extracting(WebElement::getText)
                    .contains("borgerservice 1 1 0 % 0", "vej-og-park 0 0 – 1");
            assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("storskrald", "kontrolafgift");
            browser.screenshot("07-ops");
            assertThat(Axe.violations(driver)).as("ops").isEmpty();

            // An administrator erases one mail's content from its transparency page; the page then says so.
            driver.findElement(By.cssSelector("form.logout button")).click();
            wait.until(ExpectedConditions.urlContains("/login"));
            driver.findElement(By.id("username")).sendKeys("adm_eva");
            driver.findElement(By.id("password")).sendKeys(RoutingTestParts.PASSWORD, Keys.ENTER);
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            driver.get(url("/mail/" + unsure.mailId() + "/why"));
            assertThat(Axe.violations(driver)).as("transparency with the erase form").isEmpty();
            driver.findElement(By.id("erase")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("content-erased")));
            assertThat(driver.findElement(By.id("content-erased")).getText()).contains("blev slettet", "efter anmodning");
            assertThat(driver.findElements(By.id("erase"))).isEmpty();
            browser.screenshot("08-erased");
            assertThat(Axe.violations(driver)).as("transparency after erasure").isEmpty();
        }
        assertThat(Browser.SCREENSHOTS.resolve("06-transparency.png")).isNotEmptyFile();
    }

    /** Moves focus with "j" until the row of the mail holds it, as a person at the keyboard would. */
    private static void focusRowOf(Browser browser, String mailId) {
        var driver = browser.driver;
        int rows = driver.findElements(By.cssSelector("table.queue tbody tr")).size();
        for (int i = 0; i < rows; i++) {
            new Actions(driver).sendKeys("j").perform();
            WebElement focused = driver.switchTo().activeElement();
            if (focused.getAttribute("href") != null && focused.getAttribute("href").endsWith("/mail/" + mailId)) {
                return;
            }
        }
        throw new AssertionError("the keyboard never reached the row of " + mailId);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private String outcome(MailId id) {
        return jdbc.sql("select outcome from routing_outcome where mail_id = :id").param("id", id.value())
                .query(String.class).optional().orElse("");
    }

    private StoredBlob store(byte[] content) throws Exception {
        byte[] unique = ("X-Test-Id: " + UUID.randomUUID() + "\r\n" + new String(content, "ISO-8859-1")).getBytes("ISO-8859-1");
        return blobStore.put(new ByteArrayInputStream(unique));
    }

    private static byte[] sample(String name) throws Exception {
        try (InputStream in = WorkbenchBrowserTest.class.getResourceAsStream("/samples/mails/" + name)) {
            return in.readAllBytes();
        }
    }
}
