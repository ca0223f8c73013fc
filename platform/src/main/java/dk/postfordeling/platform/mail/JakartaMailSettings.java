package dk.postfordeling.platform.mail;

import org.springframework.util.ClassUtils;

/**
 * Settings for Jakarta Mail shared by the services that read or write e-mail (intake, routing).
 */
public final class JakartaMailSettings {

    /** The system property Jakarta Mail reads before it searches the class path for a stream provider. */
    public static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private JakartaMailSettings() {
    }

    /**
     * Jakarta Mail finds its stream provider anew for every message and body part it makes, by a
     * ServiceLoader search of the class path (jakartaee/mail-api#861) unless this property names the
     * class; in the packaged services that search had been a tenth of intake's CPU for short mail and
     * a sixth of routing's per forwarded mail. Names Angus Mail's provider, the implementation on the
     * services' class path. A value set by the operator is kept, and without Angus Mail nothing is set.
     */
    public static void nameStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, JakartaMailSettings.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }
}
