package dk.postfordeling.platform.kafka;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.beans.factory.DisposableBean;

/**
 * Kafka is reachable: the cluster answers a describe-cluster request within a few seconds. Part of
 * every service's readiness, since no service can do its work without the broker.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final int TIMEOUT_MS = 3000;

    private final AdminClient admin;

    /**
     * @param clientConfig the service's Kafka admin settings (bootstrap servers, TLS, SASL), so the
     *                     check reaches the broker the way the service's own clients do
     */
    public KafkaHealthIndicator(Map<String, Object> clientConfig) {
        super("Kafka is not reachable");
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.admin = AdminClient.create(config);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("brokers", brokers);
    }

    @Override
    public void destroy() {
        admin.close(java.time.Duration.ofSeconds(1));
    }
}
