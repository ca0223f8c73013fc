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
        register(registry, java.time.Duration.ZERO);
    }

    /** As {@link #register(DynamicPropertyRegistry)}, with the workbench's undo window (zero: decisions act at once). */
    public static void register(DynamicPropertyRegistry registry, java.time.Duration undoWindow) {
        registry.add("postfordeling.workbench.undo-window", undoWindow::toString);
        TestPostgres.Server db = TestPostgres.get();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        // GreenMail speaks plain SMTP; production requires STARTTLS (MailboxStartTlsTest shows it is enforced).
        registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
        registry.add("spring.mail.properties.mail.smtp.starttls.required", () -> "false");
        String[][] users = {{"rv_anna", "REVIEWER"}, {"rv_bo", "REVIEWER"}, {"adm_eva", "ADMIN"}, {"ops_ole", "OPS"}};
        for (int i = 0; i < users.length; i++) {
            String user = "postfordeling.security.users[" + i + "].";
            String[] entry = users[i];
            registry.add(user + "username", () -> entry[0]);
            registry.add(user + "password", () -> "{noop}" + PASSWORD);
            registry.add(user + "roles", () -> entry[1]);
        }
    }

    /** The password of every test user: rv_anna and rv_bo (REVIEWER), adm_eva (ADMIN), ops_ole (OPS). */
    public static final String PASSWORD = "kodeord-til-test";

    /** An HTTP Basic {@code Authorization} header value for a test user. */
    public static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
