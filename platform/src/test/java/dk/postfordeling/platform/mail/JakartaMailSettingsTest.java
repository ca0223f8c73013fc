package dk.postfordeling.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JakartaMailSettingsTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(JakartaMailSettings.STREAM_PROVIDER);
        System.clearProperty(JakartaMailSettings.STREAM_PROVIDER);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(JakartaMailSettings.STREAM_PROVIDER);
        } else {
            System.setProperty(JakartaMailSettings.STREAM_PROVIDER, before);
        }
    }

    @Test
    void angusMailsStreamProviderIsNamedSoJakartaMailNeedNotSearchTheClassPath() {
        JakartaMailSettings.nameStreamProvider();

        assertThat(System.getProperty(JakartaMailSettings.STREAM_PROVIDER)).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    }

    @Test
    void aProviderNamedByTheOperatorIsKept() {
        System.setProperty(JakartaMailSettings.STREAM_PROVIDER, "com.example.OwnStreamProvider");

        JakartaMailSettings.nameStreamProvider();

        assertThat(System.getProperty(JakartaMailSettings.STREAM_PROVIDER)).isEqualTo("com.example.OwnStreamProvider");
    }
}
