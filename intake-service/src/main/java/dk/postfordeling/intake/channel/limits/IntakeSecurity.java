package dk.postfordeling.intake.channel.limits;

import dk.postfordeling.platform.security.MachineSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/** Sending mail to intake is a role of its own (UPLOADER): a client that may upload may not read or configure anything. */
@Configuration(proxyBeanMethods = false)
@Import(MachineSecurity.class)
class IntakeSecurity {

    @Bean
    MachineSecurity.EndpointRules intakeEndpoints() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/api/v1/mails", "/api/v1/digital-post/messages").hasRole("UPLOADER");
    }
}
