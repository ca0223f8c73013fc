package dk.postfordeling.classifier.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import dk.postfordeling.contracts.MailJson;

/**
 * Reads labelled examples from UTF-8 CSV (RFC 4180, header {@code text,label}) or JSON Lines
 * (one {@code {"text": …, "label": …}} per line). A malformed row fails with its line number.
 */
public final class TrainingDataFiles {

    private TrainingDataFiles() {
    }

    /**
     * One example with the file's other columns (CSV) or string fields (JSON Lines), such as
     * {@code language} or {@code channel}: what {@code evaluate} slices its figures by.
     */
    public record Row(LabelledText example, java.util.Map<String, String> columns) {
    }

    public static List<LabelledText> read(Path file) throws IOException {
        return readWithColumns(file).stream().map(Row::example).toList();
    }

    public static List<Row> readWithColumns(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file)) {
            return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? readJsonLines(in, file.toString()) : readCsvRows(in, file.toString());
        }
    }

    public static List<LabelledText> readCsv(InputStream in, String source) throws IOException {
        return readCsvRows(in, source).stream().map(Row::example).toList();
    }

    private static List<Row> readCsvRows(InputStream in, String source) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<Row> examples = new ArrayList<>();
        for (CSVRecord record : format.parse(reader)) {
            if (!record.isMapped("text") || !record.isMapped("label")) {
                throw new IOException(source + ": the header must be 'text,label' (other columns may follow)");
            }
            if (!record.isConsistent()) {
                throw new IOException(source + ": record " + record.getRecordNumber() + " has " + record.size()
                        + " fields, expected " + record.getParser().getHeaderNames().size());
            }
            java.util.Map<String, String> columns = new java.util.LinkedHashMap<>(record.toMap());
            columns.remove("text");
            columns.remove("label");
            examples.add(new Row(example(record.get("text"), record.get("label"), source, record.getRecordNumber()), columns));
        }
        return examples;
    }

    /** Writes examples as UTF-8 CSV with the header {@code text,label}. */
    public static void writeCsv(Path file, List<LabelledText> examples) throws IOException {
        try (java.io.Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                org.apache.commons.csv.CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader("text", "label").get().print(writer)) {
            for (LabelledText example : examples) {
                printer.printRecord(example.text(), example.label());
            }
        }
    }

    /**
     * A split stratified by label: of each label's examples (in a seeded random order) the given
     * share, rounded, goes to the test part — at least one when the label has two or more.
     *
     * @return the training part and the test part, in file order
     */
    public static List<List<LabelledText>> split(List<LabelledText> examples, double testShare, long seed) {
        java.util.Map<String, List<Integer>> byLabel = new java.util.TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byLabel.computeIfAbsent(examples.get(i).label(), l -> new ArrayList<>()).add(i);
        }
        java.util.Random random = new java.util.Random(seed);
        boolean[] test = new boolean[examples.size()];
        for (List<Integer> indices : byLabel.values()) {
            java.util.Collections.shuffle(indices, random);
            int count = (int) Math.round(indices.size() * testShare);
            if (count == 0 && indices.size() >= 2) {
                count = 1;
            }
            for (int k = 0; k < count; k++) {
                test[indices.get(k)] = true;
            }
        }
        List<LabelledText> trainPart = new ArrayList<>();
        List<LabelledText> testPart = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            (test[i] ? testPart : trainPart).add(examples.get(i));
        }
        return List.of(trainPart, testPart);
    }

    private static List<Row> readJsonLines(InputStream in, String source) throws IOException {
        List<Row> examples = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = MailJson.mapper().readTree(line);
            } catch (RuntimeException e) {
                throw new IOException(source + ": line " + number + " is not JSON");
            }
            java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
            for (java.util.Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getKey().equals("text") && !field.getKey().equals("label") && field.getValue().isString()) {
                    columns.put(field.getKey(), field.getValue().asString());
                }
            }
            examples.add(new Row(example(node.path("text").asString(null), node.path("label").asString(null), source, number), columns));
        }
        return examples;
    }

    private static LabelledText example(String text, String label, String source, long number) throws IOException {
        if (text == null || label == null || label.isBlank()) {
            throw new IOException(source + ": example " + number + " needs both text and label");
        }
        return new LabelledText(text, label.strip());
    }
}
