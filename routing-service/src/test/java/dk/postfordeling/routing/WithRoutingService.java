package dk.postfordeling.routing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole routing service on a random port with an embedded Kafka broker, its own blob directory
 * and a fast dispatch loop. A test class adds its real parts with {@link RoutingTestParts#register}
 * in a {@code @DynamicPropertySource}, and its own settings with {@code @TestPropertySource}. The
 * context is closed after the class, while its broker still runs (not at JVM exit).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "postfordeling.routing.blob-store-dir=${java.io.tmpdir}/postfordeling-routing-test/${random.uuid}",
        "postfordeling.kafka.partitions=1",
        "postfordeling.routing.poll-interval=50ms"})
@EmbeddedKafka(partitions = 1)
@DirtiesContext
public @interface WithRoutingService {
}
