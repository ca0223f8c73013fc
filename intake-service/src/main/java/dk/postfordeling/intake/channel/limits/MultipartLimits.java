package dk.postfordeling.intake.channel.limits;

import dk.postfordeling.intake.IntakeProperties;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The upload endpoint's multipart limits, from the same number as the Digital Post endpoint's
 * ({@code postfordeling.intake.limits.max-document-bytes}). Tomcat enforces them while it reads
 * the parts; small files stay in memory, larger ones are spooled to disk.
 */
@Configuration(proxyBeanMethods = false)
class MultipartLimits {

    /** Room for the multipart boundaries and part headers around the file. */
    private static final long FRAMING_BYTES = 64 * 1024;
    private static final int IN_MEMORY_BYTES = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(IntakeProperties properties) {
        long limit = properties.limits().maxDocumentBytes();
        return new MultipartConfigElement("", limit, limit + FRAMING_BYTES, IN_MEMORY_BYTES);
    }
}
