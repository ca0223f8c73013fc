package dk.postfordeling.routing.destination.f2;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection to cBrain F2's REST API.
 *
 * @param baseUri      e.g. {@code https://f2.kommune.example}; the service index is {@code /F2Rest/ServiceIndex} below it
 * @param clientId     OAuth2 client id (HTTP Basic at the token endpoint)
 * @param clientSecret OAuth2 client secret
 * @param username     the F2 user the integration acts as ({@code grant_type=password&username=…})
 * @param timeout      longest wait for one answer
 */
@ConfigurationProperties("postfordeling.routing.f2")
public record F2Properties(URI baseUri, String clientId, String clientSecret, String username,
        @DefaultValue("10s") Duration timeout) {
}
