package dk.postfordeling.routing;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

/**
 * Routing: consumes {@code MailClassified}, delivers confident mail to its destination and puts
 * everything else in the human-review queue; every outcome is an event, written through an outbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RoutingApplication {

    /** The system property Jakarta Mail reads before it searches the class path for a stream provider. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    public static void main(String[] args) {
        nameMailStreamProvider();
        SpringApplication.run(RoutingApplication.class, args);
    }

    /**
     * Jakarta Mail finds its stream provider anew for every body part it makes (two per forwarded
     * mail), by a ServiceLoader search of the class path unless this property names the class. In the
     * packaged service that search took about a sixth of the CPU per forwarded mail. The provider is
     * Angus Mail's, the implementation on the class path; a value set by the operator is kept, and
     * without Angus Mail nothing is set.
     */
    static void nameMailStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, RoutingApplication.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
