package dk.postfordeling.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dk.postfordeling.routing.dispatch.TaskStatus;
import dk.postfordeling.routing.outcome.DecidedBy;
import dk.postfordeling.routing.outcome.OutcomeKind;
import dk.postfordeling.routing.review.ReviewStatus;
import org.junit.jupiter.api.Test;

/**
 * Each of routing's tables has one owner: the one class whose SQL inserts, updates or deletes its
 * rows. Others ask the owner. The SQL is read from the main sources, so a statement added anywhere
 * else — or a new table without an owner — fails here.
 */
class TableOwnershipTest {

    private static final Map<String, String> OWNERS = Map.of(
            "routing_task", "RoutingTasks",
            "routing_outcome", "RoutingOutcomes",
            "review_item", "ReviewItems",
            "delivery", "DeliveryRecords",
            "outbox", "Outbox",
            "audit_log", "AuditLog",
            "pipeline_dead_letter", "PipelineDeadLetters",
            "routing_pause", "RoutingPauses");

    /** {@code insert into t}, {@code delete from t}, {@code update t set} — not an upsert's {@code do update set}. */
    private static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(?:insert\\s+into|delete\\s+from)\\s+(\\w+)|(?<!\\bdo\\s)\\bupdate\\s+(\\w+)\\s+set\\b");

    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void everyTableIsWrittenByItsOwnerAlone() throws IOException {
        Map<String, Set<String>> writers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String className = file.getFileName().toString().replace(".java", "");
                Matcher m = WRITE.matcher(Files.readString(file));
                while (m.find()) {
                    String table = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(java.util.Locale.ROOT);
                    writers.computeIfAbsent(table, t -> new TreeSet<>()).add(className);
                }
            }
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        OWNERS.forEach((table, owner) -> expected.put(table, Set.of(owner)));
        assertThat(writers).isEqualTo(expected);
    }

    @Test
    void everyTableOfTheSchemaHasAnOwner() throws IOException {
        Set<String> tables = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)\\bcreate\\s+table\\s+(\\w+)");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.toList()) {
                Matcher m = create.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        assertThat(tables).isEqualTo(new TreeSet<>(OWNERS.keySet()));
    }

    /**
     * Read queries may name a status as a literal (a partial index needs one); every such literal is
     * a value of its enum, so renaming a status without the queries fails here.
     */
    @Test
    void statusLiteralsInQueriesAreValuesOfTheirEnums() throws IOException {
        Map<Pattern, Set<String>> columns = Map.of(
                Pattern.compile("(?i)\\bstatus\\s*(?:=|<>)\\s*'(\\w+)'"), union(TaskStatus.values(), ReviewStatus.values()),
                Pattern.compile("(?i)\\boutcome\\s*(?:=|<>)\\s*'(\\w+)'"), union(OutcomeKind.values()),
                Pattern.compile("(?i)\\bdecided_by\\s*(?:=|<>)\\s*'(\\w+)'"), union(DecidedBy.values()),
                Pattern.compile("(?i)decided_by'?\\s+in\\s*\\(('\\w+'(?:,\\s*'\\w+')*)\\)"), union(DecidedBy.values()));
        Set<String> unknown = new TreeSet<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Map.Entry<Pattern, Set<String>> column : columns.entrySet()) {
                    Matcher m = column.getKey().matcher(source);
                    while (m.find()) {
                        for (String value : m.group(1).replace("'", "").split(",\\s*")) {
                            seen++;
                            if (!column.getValue().contains(value)) {
                                unknown.add(file.getFileName() + ": " + value);
                            }
                        }
                    }
                }
            }
        }
        assertThat(seen).as("status literals found").isGreaterThan(10);
        assertThat(unknown).isEmpty();
    }

    private static Set<String> union(Enum<?>[]... values) {
        Set<String> names = new TreeSet<>();
        for (Enum<?>[] each : values) {
            for (Enum<?> value : each) {
                names.add(value.name());
            }
        }
        return names;
    }

    @Test
    void theScanSeesEveryKindOfWrite() {
        assertThat(WRITE.matcher("insert into outbox (id)").find()).isTrue();
        assertThat(WRITE.matcher("DELETE FROM outbox where").find()).isTrue();
        assertThat(WRITE.matcher("update review_item set status").find()).isTrue();
        assertThat(WRITE.matcher("on conflict (mail_id) do update set outcome = 1").find()).isFalse();
    }
}
