package dk.postfordeling.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rules a module's main sources keep that the compiler cannot check, read from {@code src/main/java}
 * of the module whose tests run: settings come from typed configuration records, never from
 * {@code @Value} or a placeholder in {@code @Scheduled}; topic names come from the catalogue
 * ({@code Topics}), never from a string literal.
 */
public final class MainSources {

    private static final Pattern VALUE = Pattern.compile("@(?:[\\w.]+\\.)?(?:Value|Scheduled)\\s*\\(");
    private static final Pattern TOPIC_NAME = Pattern.compile("\"mail\\.[a-z-]+\\.v\\d+");

    private MainSources() {
    }

    /** Fails naming each line that reads a setting outside a configuration record or spells a topic name. */
    public static void assertSettingsTypedAndTopicsFromTheCatalogue() {
        List<String> broken = new ArrayList<>();
        broken.addAll(linesMatching(VALUE, "a setting read outside a configuration record"));
        broken.addAll(linesMatching(TOPIC_NAME, "a topic name outside the catalogue"));
        if (!broken.isEmpty()) {
            throw new AssertionError(String.join("\n", broken));
        }
    }

    /** Lines of this module's main sources matching {@code pattern}, as {@code File.java:line: why}. */
    static List<String> linesMatching(Pattern pattern, String why) {
        return linesMatching(pattern, why, file -> true);
    }

    /**
     * Lines matching {@code pattern} in those of this module's main sources {@code where} accepts
     * (given each file's path relative to {@code src/main/java}), as {@code File.java:line: why}.
     */
    public static List<String> linesMatching(Pattern pattern, String why, Predicate<Path> where) {
        List<String> found = new ArrayList<>();
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && where.test(root.relativize(f))).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        found.add(file.getFileName() + ":" + (i + 1) + ": " + why + ": " + lines.get(i).strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
