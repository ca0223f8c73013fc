package dk.postfordeling.routing.destination.getorganized;

import java.net.http.HttpClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The GetOrganized adapter, when an installation is configured ({@code postfordeling.routing.getorganized.base-uri}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "postfordeling.routing.getorganized", name = "base-uri")
class GetOrganizedConfiguration {

    @Bean
    GetOrganizedAdapter getOrganizedAdapter(HttpClient destinationHttpClient, GetOrganizedProperties properties) {
        return new GetOrganizedAdapter(destinationHttpClient, properties);
    }
}
