package dk.postfordeling.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A child JVM of the local pipeline: its output goes to a log file, and the lines an echo function
 * picks are shown on the console with the process's name in front. Stopping sends SIGTERM first (the
 * services shut down gracefully), then kills what is left.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final int REMEMBERED_LINES = 40;

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path logFile;
    private final UnaryOperator<String> echo;
    private volatile Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();

    private ServiceProcess(String name, List<String> command, Map<String, String> environment, Path workDir, Path logFile,
            UnaryOperator<String> echo) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.logFile = logFile;
        this.echo = echo;
    }

    /**
     * Starts a process.
     *
     * @param echo what to show on the console for an output line, {@code null} for nothing
     *             ({@code null} function: nothing at all)
     */
    public static ServiceProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path logFile, UnaryOperator<String> echo) throws IOException {
        Files.createDirectories(logFile.getParent());
        ServiceProcess started = new ServiceProcess(name, command, environment, workDir, logFile, echo);
        started.launch(StandardOpenOption.TRUNCATE_EXISTING);
        return started;
    }

    /** Starts the same command again after the process ended; its output is added to the same log. */
    public synchronized void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch(StandardOpenOption.APPEND);
    }

    /** The exit code of a process that ended, or -1 while it runs. */
    public int exitCode() {
        Process current = process;
        return current.isAlive() ? -1 : current.exitValue();
    }

    private void launch(StandardOpenOption logMode) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process started = builder.start();
        process = started;
        Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, logMode);
        Thread pump = new Thread(() -> pump(started, log, echo), name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(Process source, Writer log, UnaryOperator<String> echo) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8));
                Writer file = log) {
            String line;
            while ((line = out.readLine()) != null) {
                file.write(line);
                file.write('\n');
                file.flush();
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > REMEMBERED_LINES) {
                        lastLines.removeFirst();
                    }
                }
                String shown = echo == null ? null : echo.apply(line);
                if (shown != null) {
                    System.out.println(String.format("%-10s| %s", name, shown));
                }
            }
        } catch (IOException e) {
            // The process ended; its output is closed.
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time the process has used so far (user and system), or zero where the platform does not tell. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the URL answers 200 with an UP status; fails early when the process dies. */
    public void awaitHealthy(URI health, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up (exit " + process.exitValue() + "):\n"
                        + tail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + ":\n" + tail());
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not finish within " + timeout + ":\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines the process wrote. */
    public String tail() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    /** Stops gracefully within the grace period, then forcibly; child processes too. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills the process at once (SIGKILL), as a crash or power cut would: no shutdown hooks run. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }
}
