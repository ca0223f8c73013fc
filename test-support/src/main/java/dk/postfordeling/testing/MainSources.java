package dk.postfordeling.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
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
