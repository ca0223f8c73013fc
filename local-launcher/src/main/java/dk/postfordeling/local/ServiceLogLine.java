package dk.postfordeling.local;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the services' JSON log lines into short readable lines for the local launcher's console:
 * the product's own information, warnings and errors, with the mail id where there is one. The log
 * files keep the full JSON lines.
 */
final class ServiceLogLine {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServiceLogLine() {
    }

    /** The line to show, or {@code null} to show nothing (libraries' lines, debug, lines that are not a log event). */
    static String readable(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try {
            JsonNode event = JSON.readTree(line);
            String logger = text(event, "log.logger");
            String level = text(event, "log.level");
            if (!logger.startsWith("dk.postfordeling.") || !(level.equals("INFO") || level.equals("WARN") || level.equals("ERROR"))) {
                return null;
            }
            String mail = text(event, "mail.id");
            return String.format("%-5s %s%s - %s", level, logger.substring(logger.lastIndexOf('.') + 1),
                    mail.isEmpty() ? "" : " mail=" + mail, text(event, "message"));
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null ? "" : value.asString();
    }
}
