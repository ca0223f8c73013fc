package dk.postfordeling.classifier.cli;

import dk.postfordeling.contracts.MailJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;

/** The commands' report files and their scratch directories. */
final class Reports {

    private Reports() {
    }

    /** Writes the report to {@code file} (indented) and prints it as one JSON line. */
    static void write(Path file, Map<String, Object> report, PrintWriter out) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String json = MailJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        Files.writeString(file, json + System.lineSeparator());
        out.println(MailJson.mapper().writeValueAsString(report));
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
