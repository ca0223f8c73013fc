package dk.postfordeling.routing.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may sign in to the workbench and its API.
 *
 * @param users local users (local mode, small installations); passwords in Spring Security's
 *              encoded form, e.g. {@code {bcrypt}$2a$10$…} ({@code {noop}} only on a developer's machine)
 * @param bootstrapAdminPassword an encoded password for a local administrator {@code admin}, for the
 *              first sign-in of a new installation; empty: none
 * @param oidc  the municipality's identity provider (production); off while {@code issuer-uri} is empty
 * @param metricsPassword an encoded password for the OPS user {@code prometheus}, which the metrics
 *              scraper signs in as; empty: none
 */
@ConfigurationProperties("postfordeling.security")
public record SecurityProperties(List<LocalUser> users, String bootstrapAdminPassword, Oidc oidc, String metricsPassword) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        if (metricsPassword != null && !metricsPassword.isBlank()
                && users.stream().noneMatch(user -> "prometheus".equals(user.username()))) {
            users = java.util.stream.Stream.concat(users.stream(),
                    java.util.stream.Stream.of(new LocalUser("prometheus", metricsPassword, Set.of(Role.OPS)))).toList();
        }
        if (bootstrapAdminPassword != null && !bootstrapAdminPassword.isBlank()
                && users.stream().noneMatch(user -> "admin".equals(user.username()))) {
            users = java.util.stream.Stream.concat(users.stream(),
                    java.util.stream.Stream.of(new LocalUser("admin", bootstrapAdminPassword, Set.of(Role.ADMIN)))).toList();
        }
        oidc = oidc == null ? new Oidc(null, null, null, null, null) : oidc;
    }

    /** A local user: a pseudonymous user name (it is what the audit log records), password, roles. */
    public record LocalUser(String username, String password, Set<Role> roles) {
    }

    /**
     * OpenID Connect sign-in.
     *
     * @param issuerUri    the provider's issuer (its discovery document is read at start)
     * @param clientId     this workbench's client id at the provider
     * @param clientSecret its secret
     * @param rolesClaim   the ID-token claim listing the person's roles (default {@code roles}); values
     *                     REVIEWER, ADMIN, OPS (case-insensitive, an optional {@code postfordeling-} prefix)
     * @param actorClaim   the claim recorded in the audit log as the person (default {@code sub}, pseudonymous)
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret, String rolesClaim, String actorClaim) {

        public Oidc {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
            actorClaim = actorClaim == null || actorClaim.isBlank() ? "sub" : actorClaim;
        }

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
