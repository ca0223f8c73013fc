package dk.postfordeling.routing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dk.postfordeling.testing.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Real parts behind a routing-service test: PostgreSQL and a GreenMail SMTP/IMAP server. */
public final class RoutingTestParts {

    public static final GreenMail MAIL = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    static {
        MAIL.start();
        Runtime.getRuntime().addShutdownHook(new Thread(MAIL::stop));
    }

    private RoutingTestParts() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestPostgres.Server db = TestPostgres.get();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        // GreenMail speaks plain SMTP; production requires STARTTLS (MailboxStartTlsTest shows it is enforced).
        registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
        registry.add("spring.mail.properties.mail.smtp.starttls.required", () -> "false");
    }
}
