package dk.postfordeling.classifier.cli;

import dk.postfordeling.classifier.decision.DecisionPolicy;
import dk.postfordeling.classifier.encoder.SentenceEncoder;
import dk.postfordeling.classifier.model.LabelledText;
import dk.postfordeling.classifier.model.TextClassifier;
import dk.postfordeling.contracts.ExtractionStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The speed figures of {@code evaluate}: predictions per second on one thread, and what an encoder call costs. */
final class SpeedFigures {

    private SpeedFigures() {
    }

    /** Texts of at least this many UTF-8 bytes for the single-thread speed figure (a typical mail's text). */
    static final int SPEED_TEXT_BYTES = 1024;

    /**
     * Predictions (with the routing decision) per second on one thread for texts of about 1 KB, made
     * by joining consecutive test texts: after a warm-up, the median of five one-second rounds (a
     * shared machine's passing slow-downs move the median less than one long round).
     */
    static double kilobyteTextsPerSecond(TextClassifier classifier, DecisionPolicy policy, List<LabelledText> texts) {
        List<String> kilobyteTexts = kilobyteTexts(texts);
        // Warm-up: 5,000 predictions, or 3 seconds where the sentence encoder makes each one slow.
        long warmUpEnd = System.nanoTime() + 3_000_000_000L;
        for (int i = 0; i < 5000 && System.nanoTime() < warmUpEnd; i++) {
            policy.decide(classifier.predict(kilobyteTexts.get(i % kilobyteTexts.size())), ExtractionStatus.EXTRACTED);
        }
        double[] rounds = new double[5];
        int predictions = 0;
        for (int round = 0; round < rounds.length; round++) {
            long started = System.nanoTime();
            long deadline = started + 1_000_000_000L;
            int before = predictions;
            while (System.nanoTime() < deadline) {
                policy.decide(classifier.predict(kilobyteTexts.get(predictions % kilobyteTexts.size())), ExtractionStatus.EXTRACTED);
                predictions++;
            }
            rounds[round] = (predictions - before) / ((System.nanoTime() - started) / 1e9);
        }
        java.util.Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }

    /**
     * What one call of the sentence encoder costs on one thread, for the set's own texts and for the
     * 1 KB texts (cut at the encoder's token limit): the median of 100 calls each, after 20 to warm up.
     */
    static Map<String, Double> encoderMilliseconds(String encoderLocation, List<LabelledText> texts) throws IOException {
        Map<String, Double> figures = new LinkedHashMap<>();
        try (SentenceEncoder encoder =
                SentenceEncoder.open(encoderLocation)) {
            figures.put("setTexts", medianMilliseconds(encoder, texts.stream().map(LabelledText::text).toList()));
            figures.put("kilobyteTexts", medianMilliseconds(encoder, kilobyteTexts(texts)));
        }
        return figures;
    }

    private static double medianMilliseconds(SentenceEncoder encoder, List<String> texts) {
        for (int i = 0; i < 20; i++) {
            encoder.embed(texts.get(i % texts.size()));
        }
        double[] calls = new double[100];
        for (int i = 0; i < calls.length; i++) {
            long started = System.nanoTime();
            encoder.embed(texts.get(i % texts.size()));
            calls[i] = (System.nanoTime() - started) / 1e6;
        }
        java.util.Arrays.sort(calls);
        return Math.round(calls[calls.length / 2] * 100) / 100.0;
    }

    static List<String> kilobyteTexts(List<LabelledText> texts) {
        List<String> joined = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; joined.size() < 200 && i < texts.size() * 20; i++) {
            text.append(texts.get(i % texts.size()).text()).append('\n');
            if (text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= SPEED_TEXT_BYTES) {
                joined.add(text.toString());
                text.setLength(0);
            }
        }
        if (joined.isEmpty()) {
            throw new IllegalArgumentException("no text to measure speed with");
        }
        return joined;
    }
}
