package dk.postfordeling.local;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.MailJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ops configuration is valid without starting anything: Prometheus's configuration and alert
 * rules pass {@code promtool check}, the alert rules' unit tests pass {@code promtool test rules}, and
 * the Grafana dashboard is valid JSON whose every query reads a metric the services really register
 * and the provisioned data source.
 */
class OpsConfigurationTest {

    private static final Path ROOT = Path.of(System.getProperty("postfordeling.root", "..")).toAbsolutePath().normalize();
    private static final Path PROMETHEUS = ROOT.resolve("ops/prometheus");
    private static final Pattern OWN_METRIC = Pattern.compile("\\bpostfordeling_[a-z_]+");
    private static final Pattern REGISTERED = Pattern.compile("\"(postfordeling\\.[a-z.]+)\"");
    private static final List<String> SUFFIXES = List.of("", "_total", "_seconds", "_seconds_count", "_seconds_sum",
            "_seconds_bucket", "_seconds_max", "_count", "_sum", "_max");

    @Test
    void prometheusConfigurationAndAlertRulesPassPromtool() throws Exception {
        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS");
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS: 7 rules found");
        assertThat(promtool("test", "rules", "alerts_test.yml")).contains("SUCCESS");
    }

    @Test
    void alertsAndDashboardReadOnlyMetricsTheServicesRegister() throws IOException {
        Set<String> registered = registeredMetrics();
        assertThat(registered).contains("postfordeling_routing_review_backlog", "postfordeling_intake_mails",
                "postfordeling_classifier_decisions");
        String alerts = Files.readString(PROMETHEUS.resolve("alerts.yml"));
        JsonNode dashboard = MailJson.mapper().readTree(Files.readString(ROOT.resolve("ops/grafana/dashboards/postfordeling.json")));
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("datasource").get("uid").asString()).isEqualTo("prometheus");
            assertThat(panel.get("targets")).as(panel.get("title").asString()).isNotEmpty();
            panel.get("targets").forEach(target -> queries.add(target.get("expr").asString()));
        }
        assertThat(queries).hasSizeGreaterThanOrEqualTo(14);
        for (String text : Stream.concat(queries.stream(), Stream.of(alerts)).toList()) {
            Matcher used = OWN_METRIC.matcher(text);
            while (used.find()) {
                String name = used.group();
                assertThat(SUFFIXES.stream().anyMatch(suffix -> name.endsWith(suffix)
                        && registered.contains(name.substring(0, name.length() - suffix.length()))))
                        .as("%s is a metric some service registers", name).isTrue();
            }
        }
        assertThat(Files.readString(ROOT.resolve("ops/grafana/provisioning/datasources/prometheus.yml"))).contains("uid: prometheus");
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml")))
                .contains("./ops/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro", "./ops/grafana/dashboards:/var/lib/grafana/dashboards:ro");
    }

    /** Meter names in the services' main code ({@code "postfordeling.routing.review.backlog"}), in Prometheus's spelling. */
    private static Set<String> registeredMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String module : List.of("intake-service", "classifier-service", "routing-service", "platform")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher matcher = REGISTERED.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        names.add(matcher.group(1).replace('.', '_'));
                    }
                }
            }
        }
        return names;
    }

    private static String promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getenv().getOrDefault("PROMTOOL", "promtool")));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
