package dk.postfordeling.local;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Watches local mode's processes. One that ends while the pipeline runs (a crash, or a JVM that ran
 * out of memory and exited as it is told to) is reported with its exit code and started again, at
 * most {@code maxRestarts} times within {@code window}; after that it is left stopped and the
 * report says where its log is. What it does is also said on the console, never silently.
 */
public final class Supervisor implements AutoCloseable {

    private final List<ServiceProcess> processes;
    private final int maxRestarts;
    private final Duration window;
    private final Consumer<String> say;
    private final Map<String, Deque<Instant>> restarts = new HashMap<>();
    private final Set<String> givenUp = new HashSet<>();
    private final Thread watcher;
    private volatile boolean stopping;

    public Supervisor(List<ServiceProcess> processes, int maxRestarts, Duration window, Duration interval, Consumer<String> say) {
        this.processes = List.copyOf(processes);
        this.maxRestarts = maxRestarts;
        this.window = window;
        this.say = say;
        this.watcher = new Thread(() -> watch(interval), "local-pipeline-supervisor");
        this.watcher.setDaemon(true);
    }

    public Supervisor start() {
        watcher.start();
        return this;
    }

    private void watch(Duration interval) {
        while (!stopping) {
            check();
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One round: every process that ended is restarted or, past the limit, reported as given up. */
    synchronized void check() {
        for (ServiceProcess process : processes) {
            if (stopping || process.isAlive() || givenUp.contains(process.name())) {
                continue;
            }
            int exit = process.exitCode();
            String why = exit == 3 ? " (exit 3: it ran out of memory)" : " (exit " + exit + ")";
            Deque<Instant> recent = restarts.computeIfAbsent(process.name(), n -> new ArrayDeque<>());
            Instant now = Instant.now();
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
                recent.removeFirst();
            }
            if (recent.size() >= maxRestarts) {
                givenUp.add(process.name());
                say.accept(process.name() + " stopped unexpectedly" + why + " after " + recent.size() + " restarts within "
                        + window.toMinutes() + " min; it is NOT restarted again — see .local/logs/" + process.name() + ".log");
                continue;
            }
            recent.addLast(now);
            say.accept(process.name() + " stopped unexpectedly" + why + "; restarting it (" + recent.size() + " of "
                    + maxRestarts + ")");
            try {
                process.restart();
            } catch (IOException e) {
                say.accept(process.name() + " could not be restarted: " + e.getMessage());
            }
        }
    }

    /** How often a process was restarted within the current window. */
    public synchronized int restarts(String name) {
        Deque<Instant> recent = restarts.get(name);
        return recent == null ? 0 : recent.size();
    }

    /** Stops watching first, so processes being shut down are not restarted. */
    @Override
    public void close() {
        stopping = true;
        watcher.interrupt();
    }
}
