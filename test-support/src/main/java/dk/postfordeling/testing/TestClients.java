package dk.postfordeling.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The machine clients the intake and classifier tests configure (their {@code config/application.yml}
 * in test resources): {@code test-uploader} (UPLOADER), {@code test-ops} (OPS), {@code test-admin} (ADMIN).
 */
public final class TestClients {

    public static final String SECRET = "test-secret";

    private TestClients() {
    }

    /** An HTTP Basic {@code Authorization} header value for a test client. */
    public static String basic(String clientId) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    }

    public static String uploader() {
        return basic("test-uploader");
    }
}
