package dk.postfordeling.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the tests run, so docker-compose.yml is checked for what can be
 * checked offline: it parses, every image is pinned, every built service is a module of the build
 * with a Dockerfile that copies that module's jar, every environment variable a service gets is
 * one its configuration reads, and the simulators are the ones local mode uses.
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("postfordeling.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("intake-service", "classifier-service", "routing-service");

    @Test
    void everyServiceOfThePipelineIsBuiltFromItsModule() throws IOException {
        Map<String, Object> services = services();
        String rootPom = Files.readString(ROOT.resolve("pom.xml"));

        assertThat(services).containsKeys(SERVICES.toArray(String[]::new));
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            Map<?, ?> build = (Map<?, ?>) ((Map<?, ?>) entry.getValue()).get("build");
            if (build == null) {
                continue;
            }
            String module = entry.getKey();
            assertThat(rootPom).as("module of compose service %s", module).contains("<module>" + module + "</module>");
            Path dockerfile = ROOT.resolve((String) build.get("context")).resolve((String) build.get("dockerfile"));
            assertThat(dockerfile).exists();
            assertThat(Files.readString(dockerfile)).contains("COPY " + module + "/target/" + module + ".jar");
        }
    }

    @Test
    void everyImageIsPinnedToAVersion() throws IOException {
        services().forEach((name, service) -> {
            Object image = ((Map<?, ?>) service).get("image");
            if (image != null) {
                // A version number, or MinIO's dated release names (RELEASE.2025-04-22T22-12-26Z).
                assertThat((String) image).as("image of %s", name).matches("[^:]+:(v?\\d[\\w.-]*|RELEASE\\.[\\w.-]+)")
                        .doesNotEndWith(":latest");
            }
        });
    }

    @Test
    void theServicesReadEveryVariableComposeGivesThem() throws IOException {
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]");
        for (String module : SERVICES) {
            Map<?, ?> environment = (Map<?, ?>) ((Map<?, ?>) services().get(module)).get("environment");
            String configuration = Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml"));
            Matcher matcher = placeholder.matcher(configuration);
            java.util.Set<String> read = new java.util.HashSet<>(List.of("DJL_OFFLINE", "OPT_OUT_TRACKING", "DJL_CACHE_DIR", "OMP_THREAD_LIMIT"));
            while (matcher.find()) {
                read.add(matcher.group(1));
            }
            assertThat(read).as("variables %s reads", module).containsAll(environment.keySet().stream().map(String::valueOf).toList());
        }
    }

    @Test
    void theSimulatorsAreTheOnesLocalModeUses() throws IOException {
        Map<?, ?> esdh = (Map<?, ?>) services().get("esdh-simulator");
        assertThat((List<?>) esdh.get("volumes")).anySatisfy(v -> assertThat((String) v).startsWith("./simulators/esdh:"));
        assertThat(ROOT.resolve("simulators/esdh/mappings")).isDirectoryContaining("glob:**.json");
        assertThat(services()).containsKeys("kafka", "postgres", "mailboxes", "minio", "minio-bucket");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Object>) compose.get("services");
    }
}
