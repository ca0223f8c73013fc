package dk.postfordeling.routing.destination.f2;

import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The F2 adapter, when an F2 installation is configured ({@code postfordeling.routing.f2.base-uri}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "postfordeling.routing.f2", name = "base-uri")
class F2Configuration {

    @Bean
    F2Adapter f2Adapter(HttpClient destinationHttpClient, F2Properties properties, Clock clock) {
        return new F2Adapter(destinationHttpClient, properties, clock);
    }
}
