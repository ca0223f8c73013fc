package dk.postfordeling.local;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Starts the standalone Kafka broker of local mode for tools outside this package (benchmarks). */
public final class StandaloneKafkaAccess {

    private StandaloneKafkaAccess() {
    }

    public static ServiceProcess start(Path home, int port, int controllerPort, Path logDir) throws IOException {
        try {
            return StandaloneKafka.start(home, port, controllerPort, LocalPipeline.launcherClasspath(), logDir);
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** The broker serving clients over TLS only (see {@code StandaloneKafka.startTls}). */
    public static ServiceProcess startTls(Path home, int port, int controllerPort, Path logDir, Path keyStore, Path trustStore,
            String password) throws IOException {
        try {
            return StandaloneKafka.startTls(home, port, controllerPort, LocalPipeline.launcherClasspath(), logDir, keyStore,
                    trustStore, password);
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
