package dk.postfordeling.routing.destination.sbsys;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection to SBSYS's REST API (one Swagger document per API version).
 *
 * @param apiUri       the versioned API root, e.g. {@code https://sbsys.kommune.example/api/v10/}
 * @param tokenUri     the Keycloak token endpoint, e.g. {@code …/auth/realms/sbsip/protocol/openid-connect/token}
 * @param clientId     OAuth2 client id
 * @param clientSecret OAuth2 client secret
 * @param username     the SBSYS user the integration acts as (password grant)
 * @param password     that user's password
 * @param timeout      longest wait for one answer
 */
@ConfigurationProperties("postfordeling.routing.sbsys")
public record SbsysProperties(URI apiUri, URI tokenUri, String clientId, String clientSecret, String username, String password,
        @DefaultValue("10s") Duration timeout) {
}
