package dk.postfordeling.local.bench;

import com.icegreen.greenmail.util.GreenMail;
import dk.postfordeling.contracts.MailJson;
import dk.postfordeling.local.PipelineServices;
import dk.postfordeling.local.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Measures the whole pipeline on this machine as local mode runs it: a standalone Kafka broker, an
 * embedded PostgreSQL, the function mailboxes (GreenMail) and the three service jars. N generated
 * plain e-mails are uploaded by concurrent clients; a mail is done when routing has filed it
 * ({@code MailRouted}) or put it in a person's hands ({@code ReviewRequested}). Latency runs from
 * the start of the upload to that event. Prints one JSON object as the last line: mails/s, p50/p95/p99,
 * {@code lost} (mails with neither event), and per process CPU seconds and peak memory (resident set).
 *
 * <p>Arguments: {@code N [RATE [WARMUP]]}. Without a rate (or with 0) the clients upload as fast as
 * intake takes mail, which finds the pipeline's capacity; latencies then mostly measure the queue
 * that builds up. With a rate (mails per second) uploads start on a fixed schedule, and latency runs
 * from each mail's scheduled start, so a pipeline that falls behind is not flattered by uploads that
 * started late.
 *
 * <p>WARMUP mails (default {@value #DEFAULT_WARMUP}) go through first and are not measured. Five
 * JVMs share two cores here, so their JIT compilers need minutes of traffic before the code is
 * compiled: after 500 mails the compiler threads still used about a third of each JVM's CPU time.
 * The measured figure is meant to be the sustained rate of a pipeline that has been running, as in
 * production; a small WARMUP shows the rate just after a restart.
 */
public final class EndToEndBenchmark {

    private static final int CLIENTS = 8;
    private static final int DEFAULT_WARMUP = 20_000;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("postfordeling.root", ".")).toAbsolutePath().normalize();
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_WARMUP;
        try (BenchStack stack = BenchStack.start("end-to-end-bench")) {
            PipelineServices.Wiring wiring = stack.wiring(root);
            stack.addAll(PipelineServices.start(wiring, stack.work.resolve("logs"), null));
            long postgresPid = postmasterPid(stack.work.resolve("pgdata"));
            Map<String, ServiceProcess> byName = new LinkedHashMap<>();
            stack.processes().forEach(p -> byName.put(p.name(), p));

            Map<String, Long> doneAt = new ConcurrentHashMap<>();
            AtomicBoolean listening = new AtomicBoolean(true);
            Thread consumer = new Thread(() -> stack.consumeOutcomes(listening, (topic, mailId) -> doneAt.putIfAbsent(mailId,
                    System.nanoTime())), "bench-consumer");
            consumer.start();

            run(wiring.intakePort(), warmup, 0, "warm", doneAt, new ConcurrentHashMap<>());
            Map<String, Double> cpuBefore = cpu(byName, postgresPid);
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            run(wiring.intakePort(), count, rate, "run", doneAt, sentAt);
            Latencies.awaitDone(sentAt, doneAt, Duration.ofMinutes(10));
            Map<String, Double> cpuAfter = cpu(byName, postgresPid);
            listening.set(false);
            consumer.join();

            Latencies latencies = Latencies.of(sentAt, doneAt, start);
            double seconds = latencies.seconds(start);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("machine", Runtime.getRuntime().availableProcessors() + " cores");
            result.put("mails", count);
            result.put("warmupMails", warmup);
            result.put("clients", CLIENTS);
            result.put("offeredPerSecond", rate > 0 ? rate : "as fast as intake takes them");
            result.put("mailsPerSecond", Math.round(latencies.completed() / seconds * 10) / 10.0);
            result.put("p50Ms", latencies.percentile(0.50));
            result.put("p95Ms", latencies.percentile(0.95));
            result.put("p99Ms", latencies.percentile(0.99));
            result.put("lost", count - latencies.completed());
            result.put("cpuSeconds", Latencies.cpuUsed(cpuBefore, cpuAfter));
            Map<String, Long> peakMb = new LinkedHashMap<>();
            byName.forEach((name, process) -> peakMb.put(name, peakResidentMb(process.pid())));
            result.put("peakResidentMb", peakMb);
            result.put("wallSeconds", Math.round(seconds * 10) / 10.0);
            System.out.println(MailJson.mapper().writeValueAsString(result));
        }
    }

    private static void run(int intakePort, int count, double rate, String tag, Map<String, Long> doneAt, Map<String, Long> sentAt)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<KeepAliveUploader> connections = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<KeepAliveUploader> uploader = ThreadLocal.withInitial(() -> {
            KeepAliveUploader connection = new KeepAliveUploader("localhost", intakePort);
            connections.add(connection);
            return connection;
        });
        List<Future<?>> uploads = new ArrayList<>();
        long first = System.nanoTime();
        for (int i = 0; i < count; i++) {
            byte[] content = IntakeBenchmark.plainMail(i, tag + "-" + UUID.randomUUID());
            int n = i;
            long scheduled = rate > 0 ? first + (long) (i * 1e9 / rate) : 0;
            while (rate > 0 && System.nanoTime() < scheduled) {
                java.util.concurrent.locks.LockSupport.parkNanos(scheduled - System.nanoTime());
            }
            uploads.add(pool.submit(() -> {
                long t = rate > 0 ? scheduled : System.nanoTime();
                sentAt.putIfAbsent(uploader.get().upload(content, "mail-" + n + ".eml"), t);
                return null;
            }));
        }
        for (Future<?> upload : uploads) {
            upload.get();
        }
        pool.shutdown();
        for (KeepAliveUploader connection : connections) {
            connection.close();
        }
        if ("warm".equals(tag)) {
            Latencies.awaitDone(sentAt, doneAt, Duration.ofMinutes(20));
        }
    }

    /**
     * CPU time of the PostgreSQL server and its backends. The server runs detached (pg_ctl), so it is
     * found by the process id in its data directory's {@code postmaster.pid}.
     */
    private static double postgresCpuSeconds(long postmasterPid) {
        return ProcessHandle.of(postmasterPid).map(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants())
                .mapToLong(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toMillis()).sum() / 1000.0).orElse(-1.0);
    }

    private static long postmasterPid(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    }

    private static Map<String, Double> cpu(Map<String, ServiceProcess> processes, long postgresPid) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        processes.forEach((name, process) -> seconds.put(name, process.cpuTime().toMillis() / 1000.0));
        seconds.put("postgres", postgresCpuSeconds(postgresPid));
        seconds.put("loadGeneratorAndMailboxes", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1000.0);
        return seconds;
    }

    /** Peak resident memory of a process (Linux: VmHWM in /proc), in MB; -1 where unknown. */
    private static long peakResidentMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

}
