package dk.postfordeling.platform.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call a service's HTTP API (intake, classifier). Two kinds of client, usable side by side:
 * clients of the municipality's identity provider with an OAuth2 bearer token (client credentials;
 * configured with Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or
 * {@code jwk-set-uri}), whose roles come from a claim; and local clients with a secret (HTTP Basic),
 * for local mode and for systems that cannot fetch tokens.
 *
 * @param clients     local clients; secrets {@code {bcrypt}}-encoded in production ({@code {noop}} only locally),
 *                    from the environment or a mounted file, never from a committed file
 * @param rolesClaim  the token claim that holds the client's roles (a list or a space-separated string)
 * @param roleMapping claim value → role; a claim value that is itself a role name (UPLOADER, OPS, ADMIN) counts as that role
 * @param certificateClients clients that present a TLS client certificate (mutual TLS, e.g. Serviceplatformen's
 *                    Digital Post delivery): used when the server asks for client certificates
 *                    ({@code server.ssl.client-auth}) and trusts their issuer ({@code server.ssl.trust-store})
 */
@ConfigurationProperties("postfordeling.security")
public record MachineClientsProperties(
        @DefaultValue List<Client> clients,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue Map<String, String> roleMapping,
        @DefaultValue List<CertificateClient> certificateClients) {

    /**
     * A client known by its certificate: the subject's common name (CN) of a certificate the server's
     * trust store accepted, and its roles.
     */
    public record CertificateClient(String commonName, List<String> roles) {
    }

    /**
     * A local client.
     *
     * @param id     the client id (HTTP Basic user name)
     * @param secret the secret, with its encoding prefix
     * @param roles  UPLOADER (sends mail to intake), OPS (health details, metrics), ADMIN (model API)
     */
    public record Client(String id, String secret, List<String> roles) {
    }
}
