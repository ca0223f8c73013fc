package dk.postfordeling.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every request to a machine-facing service is authenticated; nothing is open but the liveness and
 * readiness probes (status only). Health details and metrics are for OPS (and ADMIN). The service
 * adds its own rules through an {@link EndpointRules} bean; whatever no rule names is denied.
 * Stateless: no session, no CSRF token (no browser signs in here).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MachineClientsProperties.class)
public class MachineSecurity {

    /** The roles a machine client can have. */
    public static final Set<String> ROLES = Set.of("UPLOADER", "OPS", "ADMIN");

    /** A service's own endpoint rules, applied after the probe and actuator rules. */
    @FunctionalInterface
    public interface EndpointRules {
        void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
    }

    @Bean
    SecurityFilterChain machineClients(HttpSecurity http, EndpointRules endpointRules, MachineClientsProperties properties,
            ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(Customizer.withDefaults())
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll();
                    rules.requestMatchers("/actuator/**").hasRole("OPS");
                    endpointRules.apply(rules);
                    rules.requestMatchers("/error").permitAll();
                    rules.anyRequest().denyAll();
                });
        if (!properties.certificateClients().isEmpty()) {
            // Mutual TLS: the TLS layer has checked the certificate against the trust store; its CN names the client.
            http.x509(x509 -> x509.subjectPrincipalRegex("CN=(.*?)(?:,|$)").userDetailsService(certificateClients(properties)));
        }
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(tokenRoles(properties))));
        }
        return http.build();
    }

    /** ADMIN may do what OPS may. */
    @Bean
    static RoleHierarchy machineRoleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_OPS");
    }

    /**
     * The local clients. Returned as a plain {@link UserDetailsService}, not the manager itself: Spring
     * Security re-encodes a password it finds in an older encoding (e.g. {@code {noop}}) with bcrypt on
     * the first sign-in when the store can be updated, and from then on every request would pay a
     * bcrypt check (intake's uploads fell from hundreds a second to about 20 on two cores).
     */
    @Bean
    UserDetailsService localClients(MachineClientsProperties properties) {
        InMemoryUserDetailsManager clients = new InMemoryUserDetailsManager();
        for (MachineClientsProperties.Client client : properties.clients()) {
            if (client.secret() == null || client.secret().isBlank()) {
                continue; // declared, but its secret was not given: not a client
            }
            requireKnownRoles("clients", client.id(), client.roles());
            clients.createUser(User.withUsername(client.id()).password(client.secret())
                    .roles(client.roles().toArray(String[]::new)).build());
        }
        return clients::loadUserByUsername;
    }

    /** Clients known by certificate only: a separate store, so their names are no HTTP Basic user names. */
    static UserDetailsService certificateClients(MachineClientsProperties properties) {
        InMemoryUserDetailsManager clients = new InMemoryUserDetailsManager();
        for (MachineClientsProperties.CertificateClient client : properties.certificateClients()) {
            requireKnownRoles("certificate-clients", client.commonName(), client.roles());
            // A certificate client has no password; this one is random and never used.
            clients.createUser(User.withUsername(client.commonName()).password("{noop}" + java.util.UUID.randomUUID())
                    .roles(client.roles().toArray(String[]::new)).build());
        }
        return clients;
    }

    /** A client needs a name and its roles, each one of {@link #ROLES}; else start-up stops, naming it. */
    private static void requireKnownRoles(String list, String name, List<String> roles) {
        List<String> unknown = roles == null ? List.of() : roles.stream().filter(r -> !ROLES.contains(r)).toList();
        if (name == null || name.isBlank() || roles == null || !unknown.isEmpty()) {
            throw new IllegalStateException("postfordeling.security." + list + ": client " + name
                    + " needs a name and roles among " + ROLES + (unknown.isEmpty() ? "" : "; unknown " + unknown));
        }
    }

    @Bean
    PasswordEncoder machineClientSecrets() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Roles from the token's roles claim, mapped by {@code role-mapping}; a token without a known role gets none. */
    static JwtAuthenticationConverter tokenRoles(MachineClientsProperties properties) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> roles(jwt, properties));
        return converter;
    }

    static Collection<GrantedAuthority> roles(Jwt jwt, MachineClientsProperties properties) {
        Object claim = jwt.getClaims().get(properties.rolesClaim());
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        } else if (claim instanceof String text) {
            values.addAll(List.of(text.split("\\s+")));
        }
        Map<String, String> mapping = properties.roleMapping();
        List<GrantedAuthority> roles = new ArrayList<>();
        for (String value : values) {
            String role = mapping.getOrDefault(value, value.toUpperCase(Locale.ROOT));
            if (ROLES.contains(role)) {
                roles.add(new SimpleGrantedAuthority("ROLE_" + role));
            }
        }
        return roles;
    }
}
