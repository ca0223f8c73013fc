package dk.postfordeling.routing.destination.sbsys;

import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SBSYS adapter, when an SBSYS installation is configured ({@code postfordeling.routing.sbsys.api-uri}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "postfordeling.routing.sbsys", name = "api-uri")
class SbsysConfiguration {

    @Bean
    SbsysAdapter sbsysAdapter(HttpClient destinationHttpClient, SbsysProperties properties, Clock clock) {
        return new SbsysAdapter(destinationHttpClient, properties, clock);
    }
}
