package dk.postfordeling.routing.destination.http;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DestinationHttpConfiguration {

    /** One HTTP client for the ESDH systems: redirects are answers to read (F2 answers 303 to a replayed POST), not to follow. */
    @Bean
    HttpClient destinationHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
