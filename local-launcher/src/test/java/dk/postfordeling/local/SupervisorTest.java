package dk.postfordeling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode notices a process that died, says so, and restarts it a bounded number of times. */
class SupervisorTest {

    @TempDir
    Path work;

    /** A real JVM told to exit when its heap runs out, as the launcher starts every service. */
    @Test
    void aJvmThatRunsOutOfMemoryExitsAndIsRestartedAtMostTheGivenNumberOfTimes() throws Exception {
        Path program = work.resolve("Hog.java");
        Files.writeString(program, """
                public class Hog {
                    public static void main(String[] args) {
                        System.out.println("started");
                        java.util.List<long[]> held = new java.util.ArrayList<>();
                        while (true) {
                            held.add(new long[1_000_000]);
                        }
                    }
                }
                """);
        ServiceProcess hog = ServiceProcess.start("hog", List.of(PipelineServices.javaExecutable(), "-Xmx32m",
                "-XX:+ExitOnOutOfMemoryError", program.toString()), Map.of(), work, work.resolve("logs/hog.log"), null);
        List<String> said = new CopyOnWriteArrayList<>();

        try (Supervisor supervisor = new Supervisor(List.of(hog), 2, Duration.ofMinutes(10), Duration.ofMillis(200), said::add)
                .start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> said.stream().anyMatch(s -> s.contains("NOT restarted")));
            assertThat(supervisor.restarts("hog")).isEqualTo(2);
        }

        assertThat(said).hasSize(3);
        assertThat(said.get(0)).isEqualTo("hog stopped unexpectedly (exit 3: it ran out of memory); restarting it (1 of 2)");
        assertThat(said.get(1)).isEqualTo("hog stopped unexpectedly (exit 3: it ran out of memory); restarting it (2 of 2)");
        assertThat(said.get(2)).contains("after 2 restarts", ".local/logs/hog.log");
        assertThat(hog.isAlive()).isFalse();
        assertThat(Files.readAllLines(work.resolve("logs/hog.log")).stream().filter("started"::equals)).hasSize(3);
    }

    @Test
    void nothingIsRestartedOnceTheSupervisorIsClosed() throws Exception {
        ServiceProcess sleeper = ServiceProcess.start("sleeper", List.of("sleep", "30"), Map.of(), work,
                work.resolve("logs/sleeper.log"), null);
        List<String> said = new CopyOnWriteArrayList<>();
        Supervisor supervisor = new Supervisor(List.of(sleeper), 3, Duration.ofMinutes(10), Duration.ofMillis(100), said::add).start();

        supervisor.close();
        sleeper.stop(Duration.ofSeconds(5));
        supervisor.check();

        assertThat(said).isEmpty();
        assertThat(sleeper.isAlive()).isFalse();
    }
}
