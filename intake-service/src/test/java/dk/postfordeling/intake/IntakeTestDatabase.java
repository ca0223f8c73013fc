package dk.postfordeling.intake;

import dk.postfordeling.testing.TestPostgres;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Intake's schema for one test class in the tests' PostgreSQL: a schema of its own, so a mail one
 * class accepted is not a duplicate in another (mail ids come from content).
 */
public final class IntakeTestDatabase {

    private IntakeTestDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestPostgres.Server db = TestPostgres.get();
        String schema = "intake_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.datasource.hikari.schema", () -> schema);
        registry.add("spring.flyway.schemas", () -> schema);
    }
}
