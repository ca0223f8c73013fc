package dk.postfordeling.routing.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Danish wording of the workbench's values: ages, times, channels, languages, decisions. */
public final class Format {

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d. MMM yyyy 'kl.' HH:mm:ss", Locale.forLanguageTag("da"))
            .withZone(DANISH_TIME);

    private Format() {
    }

    public static String age(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 1) {
            return "under 1 min";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + " t " + minutes % 60 + " min";
        }
        return minutes / (24 * 60) + " dage";
    }

    /** A measured duration to the second: {@code 42 s}, {@code 3 min 5 s}, {@code 2 t 4 min}, {@code 3 d 2 t}. */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " t " + seconds % 3600 / 60 + " min";
        }
        return seconds / 86_400 + " d " + seconds % 86_400 / 3600 + " t";
    }

    public static String time(Instant instant) {
        return instant == null ? "–" : TIME.format(instant);
    }

    public static String percent(double probability) {
        return dk.postfordeling.platform.text.Percent.confidence(probability) + " %";
    }

    public static String channel(String channel) {
        if (channel == null) {
            return "–";
        }
        return switch (channel) {
            case "EMAIL_IMAP", "EMAIL_GRAPH" -> "e-mail";
            case "DIGITAL_POST" -> "Digital Post";
            case "SCANNER" -> "scannet brev";
            case "UPLOAD" -> "upload";
            case "UNKNOWN" -> "ukendt kanal";
            default -> channel.toLowerCase(Locale.ROOT);
        };
    }

    public static String language(String code) {
        if (code == null || code.isBlank() || code.equals("und")) {
            return "ukendt";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.forLanguageTag("da"));
        return name.isBlank() ? code : name;
    }

    public static String decidedBy(String decidedBy) {
        return switch (decidedBy == null ? "" : decidedBy) {
            case "MODEL" -> "af modellen";
            case "RULE" -> "efter afsenderens KLE-nummer";
            case "REVIEWER" -> "af en medarbejder";
            default -> "";
        };
    }

    /** A review item's decision as stored: {@code ROUTE:label}, {@code NOT_FOR_US}, {@code SPAM}. */
    public static String decision(String decision) {
        if (decision == null) {
            return "–";
        }
        if (decision.startsWith("ROUTE:")) {
            return "fordelt til " + decision.substring("ROUTE:".length());
        }
        return switch (decision) {
            case "NOT_FOR_US" -> "ikke til os";
            case "SPAM" -> "spam";
            default -> decision;
        };
    }

    /** An audit row's detail as {@code key=value, …}. */
    public static String details(Map<String, String> detail) {
        return detail.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    /** One step of a mail's history, from the audit log. */
    public static String step(String action, Map<String, String> detail) {
        return switch (action) {
            case "CLAIM" -> "tog posten";
            case "RELEASE" -> "lagde posten tilbage";
            case "DECIDE" -> "fordelte til " + detail.get("label") + " (modellen foreslog " + detail.get("modelLabel") + ")";
            case "CORRECT" -> "rettede fra " + detail.get("from") + " til " + detail.get("label");
            case "CLOSE" -> "lukkede: " + decision(detail.get("reason"));
            case "UNDO" -> "fortrød sin beslutning";
            case "ERASE" -> "RETENTION".equals(detail.get("reason"))
                    ? "postens indhold (tekst, forklaring og original) blev slettet, da opbevaringsperioden udløb"
                    : "slettede postens indhold (tekst, forklaring og original) efter anmodning";
            default -> action.toLowerCase(Locale.ROOT);
        };
    }
}
