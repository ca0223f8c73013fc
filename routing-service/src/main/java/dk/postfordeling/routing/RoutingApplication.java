package dk.postfordeling.routing;

import dk.postfordeling.platform.mail.JakartaMailSettings;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Routing: consumes {@code MailClassified}, delivers confident mail to its destination and puts
 * everything else in the human-review queue; every outcome is an event, written through an outbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RoutingApplication {

    public static void main(String[] args) {
        JakartaMailSettings.nameStreamProvider();
        SpringApplication.run(RoutingApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
