package dk.postfordeling.classifier.retraining;

import dk.postfordeling.platform.security.MachineSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/** The model API: OPS may read the model versions and their figures; only ADMIN may start a retraining. */
@Configuration(proxyBeanMethods = false)
@Import(MachineSecurity.class)
class ModelApiSecurity {

    @Bean
    MachineSecurity.EndpointRules modelApiEndpoints() {
        return rules -> {
            rules.requestMatchers(HttpMethod.GET, "/api/v1/models", "/api/v1/models/**").hasRole("OPS");
            rules.requestMatchers("/api/v1/models/**").hasRole("ADMIN");
        };
    }
}
