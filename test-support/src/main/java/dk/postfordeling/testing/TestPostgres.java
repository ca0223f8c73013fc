package dk.postfordeling.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests: a Testcontainers container where a Docker engine runs, otherwise
 * the embedded PostgreSQL binaries (zonky). The same tests run on both. One server per JVM.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static Server server;

    private TestPostgres() {
    }

    /** JDBC URL, user and password of a running server; started on first use, stopped at JVM exit. */
    public static synchronized Server get() {
        if (server == null) {
            server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-postgres-stop"));
        }
        return server;
    }

    private static Server start() {
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:18-alpine");
            container.start();
            log.info("PostgreSQL for tests: Testcontainers");
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(), container::stop);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            log.info("PostgreSQL for tests: embedded (no Docker engine)");
            return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", () -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Connection details of the running server. */
    public record Server(String jdbcUrl, String username, String password, Runnable stopper) {
        void stop() {
            stopper.run();
        }
    }
}
