package dk.postfordeling.classifier;

import java.nio.file.Path;

/**
 * Settles DJL's environment before the engine loads: never download anything (the PyTorch native
 * library comes from the {@code pytorch-native-cpu} jar), no telemetry, a known cache directory.
 * Values already set in the environment win.
 */
public final class DjlEnvironment {

    private DjlEnvironment() {
    }

    public static void configure() {
        setIfAbsent("DJL_OFFLINE", "true");
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("DJL_CACHE_DIR", Path.of(System.getProperty("user.home"), ".cache", "postfordeling", "djl").toString());
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getenv(name) == null && System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
