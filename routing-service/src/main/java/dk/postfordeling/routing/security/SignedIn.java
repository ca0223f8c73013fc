package dk.postfordeling.routing.security;

import java.util.regex.Pattern;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * The id that claims and the audit log record for a signed-in person: the local user name, or the
 * configured claim of an OpenID Connect sign-in (by default {@code sub}, a pseudonymous id).
 */
@Component
public class SignedIn {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.@-]{1,128}");

    private final String oidcActorClaim;
    private final RoleHierarchy roles;

    public SignedIn(SecurityProperties properties, RoleHierarchy roles) {
        this.oidcActorClaim = properties.oidc().actorClaim();
        this.roles = roles;
    }

    public String actor(Authentication authentication) {
        String actor = authentication.getPrincipal() instanceof OidcUser oidc
                ? String.valueOf(oidc.getClaims().getOrDefault(oidcActorClaim, oidc.getSubject()))
                : authentication.getName();
        if (!SAFE.matcher(actor).matches()) {
            throw new IllegalStateException("the signed-in person's id has characters the audit log does not take");
        }
        return actor;
    }

    /** Whether the person holds the role, directly or through the role hierarchy (ADMIN includes REVIEWER and OPS). */
    public boolean has(Authentication authentication, Role role) {
        return authentication != null && roles.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                .anyMatch(a -> role.authority().equals(a.getAuthority()));
    }
}
