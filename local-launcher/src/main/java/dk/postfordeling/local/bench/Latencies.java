package dk.postfordeling.local.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks' tally: for each mail, from the start of its upload ({@code sentAt}) to the event
 * that marks it done ({@code doneAt}), both in {@link System#nanoTime()}.
 *
 * @param sortedMs       latencies of the completed mails in milliseconds, ascending
 * @param lastDoneNanos  when the last mail was done (or the start, if none was)
 */
record Latencies(List<Long> sortedMs, long lastDoneNanos) {

    static Latencies of(Map<String, Long> sentAt, Map<String, Long> doneAt, long start) {
        List<Long> latencies = new ArrayList<>();
        long last = start;
        for (Map.Entry<String, Long> sent : sentAt.entrySet()) {
            Long done = doneAt.get(sent.getKey());
            if (done != null) {
                latencies.add((done - sent.getValue()) / 1_000_000);
                last = Math.max(last, done);
            }
        }
        latencies.sort(Long::compare);
        return new Latencies(List.copyOf(latencies), last);
    }

    /** Waits until every sent mail is done, or the timeout has passed. */
    static void awaitDone(Map<String, Long> sentAt, Map<String, Long> doneAt, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!doneAt.keySet().containsAll(sentAt.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    int completed() {
        return sortedMs.size();
    }

    /** Seconds from {@code start} until the last mail was done. */
    double seconds(long start) {
        return (lastDoneNanos - start) / 1e9;
    }

    /** The p-quantile in milliseconds, or -1 if no mail completed. */
    long percentile(double p) {
        return sortedMs.isEmpty() ? -1 : sortedMs.get(Math.min(sortedMs.size() - 1, (int) Math.ceil(p * sortedMs.size()) - 1));
    }

    /** CPU seconds used between two readings, per process, to one decimal. */
    static Map<String, Double> cpuUsed(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new java.util.LinkedHashMap<>();
        after.forEach((process, seconds) -> used.put(process, Math.round((seconds - before.get(process)) * 10) / 10.0));
        return used;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
