package dk.postfordeling.local.bench;

import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.contracts.Topics;
import dk.postfordeling.local.PipelineServices;
import dk.postfordeling.local.ServiceProcess;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Many instances on shared engines: two instances of each service on this machine, on one Kafka
 * broker (topics with 6 partitions), one PostgreSQL and one blob store. N generated mails are uploaded
 * to both intakes in turn; half way, with mail in flight, one instance of each service is killed with SIGKILL, and the rest
 * of the mail goes on through the survivors (an upload the killed intake did not answer is sent again
 * to the other, as a sender would). A mail is done when it is filed ({@code MailRouted}) or in a
 * person's hands ({@code ReviewRequested}). Prints one JSON line: sent (answered 202), routed, in
 * review, lost (answered but neither), filed twice (a function mailbox got it more than once), and
 * mails/s with two instances and with one.
 *
 * <p>Argument: {@code N} (default 2000).
 */
public final class ScaleOutBenchmark {

    private static final String MAIL_ID_HEADER = "X-Postfordeling-Mail-Id";

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("postfordeling.root", ".")).toAbsolutePath().normalize();
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        try (BenchStack stack = BenchStack.start("scale-out-bench")) {
            Map<String, String> sixPartitions = Map.of("POSTFORDELING_KAFKA_PARTITIONS", "6");
            List<PipelineServices.Wiring> instances = new ArrayList<>();
            List<List<ServiceProcess>> services = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                // The second set starts once the first has trained the shared sample model.
                PipelineServices.Wiring wiring = stack.wiring(root);
                instances.add(wiring);
                List<ServiceProcess> set = PipelineServices.start(wiring, stack.work.resolve("logs-" + (i + 1)), null, sixPartitions);
                services.add(set);
                stack.addAll(set);
            }

            Map<String, Long> doneAt = new ConcurrentHashMap<>();
            Set<String> routed = ConcurrentHashMap.newKeySet();
            Set<String> inReview = ConcurrentHashMap.newKeySet();
            AtomicBoolean listening = new AtomicBoolean(true);
            Thread consumer = new Thread(() -> stack.consumeOutcomes(listening, (topic, mailId) -> {
                doneAt.putIfAbsent(mailId, System.nanoTime());
                (topic.equals(Topics.MAIL_ROUTED.name()) ? routed : inReview).add(mailId);
            }), "bench-consumer");
            consumer.start();

            KeepAliveUploader[] intakes = {new KeepAliveUploader("localhost", instances.get(0).intakePort()),
                    new KeepAliveUploader("localhost", instances.get(1).intakePort())};
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            String run = UUID.randomUUID().toString();
            long start = System.nanoTime();
            send(intakes, 0, count / 2, run, sentAt, false);
            Latencies.awaitDone(sentAt, doneAt, Duration.ofMinutes(10));
            long half = System.nanoTime();
            int doneWithTwo = doneAt.size();
            // One instance of each service dies outright while mail is on its way through it.
            int inFlight = count / 2 + Math.max(1, count / 20);
            send(intakes, count / 2, inFlight, run, sentAt, false);
            services.get(1).forEach(ServiceProcess::kill);
            send(intakes, inFlight, count, run, sentAt, true);
            Latencies.awaitDone(sentAt, doneAt, Duration.ofMinutes(10));
            long end = System.nanoTime();
            listening.set(false);
            consumer.join();

            Map<String, Integer> copies = new HashMap<>();
            for (MimeMessage message : stack.mailboxes.getReceivedMessages()) {
                String[] id = message.getHeader(MAIL_ID_HEADER);
                if (id != null) {
                    copies.merge(id[0], 1, Integer::sum);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("machine", Runtime.getRuntime().availableProcessors() + " cores");
            result.put("instancesPerService", 2);
            result.put("partitions", 6);
            result.put("sent", sentAt.size());
            result.put("routed", routed.stream().filter(sentAt::containsKey).count());
            result.put("inReview", inReview.stream().filter(sentAt::containsKey).count());
            result.put("lost", sentAt.keySet().stream().filter(id -> !doneAt.containsKey(id)).count());
            result.put("filedTwice", copies.values().stream().filter(n -> n > 1).count());
            result.put("mailsPerSecondTwoInstances", Math.round(doneWithTwo / ((half - start) / 1e9) * 10) / 10.0);
            result.put("mailsPerSecondOneInstance", Math.round((doneAt.size() - doneWithTwo) / ((end - half) / 1e9) * 10) / 10.0);
            result.put("wallSeconds", Math.round((end - start) / 1e8) / 10.0);
            System.out.println(MailJson.mapper().writeValueAsString(result));
        }
    }

    /**
     * Uploads mails {@code from} … {@code to}-1 to the intakes in turn. With {@code failover}, a mail the
     * first intake did not answer is sent to the other, as a sender retries; a mail is sent when an intake
     * answered 202 (accepted, or a duplicate of one accepted).
     */
    private static void send(KeepAliveUploader[] intakes, int from, int to, String run, Map<String, Long> sentAt, boolean failover)
            throws IOException {
        for (int i = from; i < to; i++) {
            byte[] content = IntakeBenchmark.plainMail(i, run);
            long t = System.nanoTime();
            int first = i % intakes.length;
            try {
                sentAt.putIfAbsent(intakes[first].upload(content, "mail-" + i + ".eml"), t);
            } catch (IOException refused) {
                if (!failover) {
                    throw refused;
                }
                intakes[first].close();
                sentAt.putIfAbsent(intakes[(first + 1) % intakes.length].upload(content, "mail-" + i + ".eml"), t);
            }
        }
    }
}
