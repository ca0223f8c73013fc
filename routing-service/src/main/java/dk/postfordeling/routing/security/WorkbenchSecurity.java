package dk.postfordeling.routing.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Sign-in and access for the workbench and the API.
 *
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic with the local users, no session (scripts and tools); no CSRF
 *       token, because no cookie ever authenticates these calls.</li>
 *   <li>Everything else: the workbench in the browser — a sign-in form for local users, OpenID
 *       Connect when an issuer is configured, a session cookie, and CSRF protection on every form.</li>
 * </ul>
 * ADMIN includes REVIEWER and OPS. Anonymous requests reach only the sign-in page, static files
 * and health/metrics (which hold no personal data).
 */
@Configuration
class WorkbenchSecurity {

    private static final Logger log = LoggerFactory.getLogger(WorkbenchSecurity.class);

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_REVIEWER
                ROLE_ADMIN > ROLE_OPS""");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService localUsers(SecurityProperties properties) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (SecurityProperties.LocalUser user : properties.users()) {
            if (user.username() == null || user.password() == null || user.roles() == null || user.roles().isEmpty()) {
                throw new IllegalStateException("postfordeling.security.users: every user needs username, password and roles");
            }
            users.createUser(User.withUsername(user.username()).password(user.password())
                    .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new)).build());
        }
        if (properties.users().isEmpty() && !properties.oidc().enabled()) {
            log.warn("no local users and no OpenID Connect issuer configured: nobody can sign in to the workbench");
        }
        return users;
    }

    /** Probes answer anyone with a status only; health details and metrics are for OPS (and ADMIN), over HTTP Basic. */
    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .anyRequest().hasAnyRole("OPS", "ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/dead-letters/**").hasAnyRole("ADMIN", "OPS")
                        .requestMatchers("/api/v1/dead-letters/**", "/api/v1/routing-table/**", "/api/v1/models/**").hasRole("ADMIN")
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/routings/*/correction").hasRole("REVIEWER")
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/routings/**").hasAnyRole("REVIEWER", "OPS")
                        .requestMatchers("/api/v1/reviews/**").hasRole("REVIEWER")
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain workbench(HttpSecurity http, SecurityProperties properties,
            java.util.Optional<ClientRegistrationRepository> oidc) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/").authenticated()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/ops/**").hasRole("OPS")
                        .anyRequest().hasRole("REVIEWER"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'self'; frame-ancestors 'self'; form-action 'self'"))
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .csrf(Customizer.withDefaults());
        if (oidc.isPresent()) {
            http.oauth2Login(login -> login.loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(rolesFrom(properties.oidc().rolesClaim()))));
        }
        return http.build();
    }

    /** Roles from the identity provider's claim; a person without a known role gets none (and sees nothing). */
    static GrantedAuthoritiesMapper rolesFrom(String claim) {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>();
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority user) {
                    Object value = user.getIdToken().getClaims().get(claim);
                    Collection<?> names = value instanceof Collection<?> list ? list : value == null ? List.of() : List.of(value);
                    names.forEach(name -> Role.fromClaim(String.valueOf(name))
                            .ifPresent(role -> mapped.add(new SimpleGrantedAuthority(role.authority()))));
                }
            }
            return mapped;
        };
    }

    /** Sign-in with the municipality's identity provider, when its issuer is configured. */
    @Configuration
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression("!'${postfordeling.security.oidc.issuer-uri:}'.isBlank()")
    static class Oidc {

        @Bean
        ClientRegistrationRepository clientRegistrations(SecurityProperties properties) {
            SecurityProperties.Oidc oidc = properties.oidc();
            ClientRegistration registration = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                    .registrationId("kommune")
                    .clientName("Kommunens login")
                    .clientId(oidc.clientId())
                    .clientSecret(oidc.clientSecret())
                    .scope("openid", "profile")
                    .build();
            return new InMemoryClientRegistrationRepository(registration);
        }
    }
}
