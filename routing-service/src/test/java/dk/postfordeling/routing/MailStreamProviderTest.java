package dk.postfordeling.routing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailStreamProviderTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(RoutingApplication.STREAM_PROVIDER);
        System.clearProperty(RoutingApplication.STREAM_PROVIDER);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(RoutingApplication.STREAM_PROVIDER);
        } else {
            System.setProperty(RoutingApplication.STREAM_PROVIDER, before);
        }
    }

    @Test
    void theStartNamesAngusMailsStreamProviderSoJakartaMailNeedNotSearchTheClassPath() {
        RoutingApplication.nameMailStreamProvider();

        assertThat(System.getProperty(RoutingApplication.STREAM_PROVIDER)).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    }

    @Test
    void aProviderNamedByTheOperatorIsKept() {
        System.setProperty(RoutingApplication.STREAM_PROVIDER, "com.example.OwnStreamProvider");

        RoutingApplication.nameMailStreamProvider();

        assertThat(System.getProperty(RoutingApplication.STREAM_PROVIDER)).isEqualTo("com.example.OwnStreamProvider");
    }
}
