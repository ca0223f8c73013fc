package dk.postfordeling.routing.destination.getorganized;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection to Netcompany GetOrganized's REST API under {@code /_goapi/}.
 *
 * @param baseUri  the site, e.g. {@code https://go.kommune.example}
 * @param username service account (HTTP Basic here; installations that require NTLM need an
 *                 authenticating proxy until an NTLM client is added — authentication is one header)
 * @param password its password
 * @param listName the document library of a case ({@code Dokumenter})
 * @param timeout  longest wait for one answer
 */
@ConfigurationProperties("postfordeling.routing.getorganized")
public record GetOrganizedProperties(URI baseUri, String username, String password,
        @DefaultValue("Dokumenter") String listName, @DefaultValue("30s") Duration timeout) {
}
