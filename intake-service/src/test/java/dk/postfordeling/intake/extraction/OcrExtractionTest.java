package dk.postfordeling.intake.extraction;

import static dk.postfordeling.intake.Documents.document;
import static dk.postfordeling.intake.extraction.ExtractorFixture.EXTRACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.ExtractionStatus;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scanned letters: Tesseract ({@code dan+eng}) reads Danish text from image-only pages. */
class OcrExtractionTest {

    private static final List<String> TRUTH = words(new String(document("scanned-letter.txt"), StandardCharsets.UTF_8));

    @Test
    void readsAnImageOnlyPdfPageWithDanishLettersAtLeast95PercentOfTheWords() {
        ExtractedText text = EXTRACTOR.extract(document("scanned-letter.pdf"), "scanning-0001.pdf");

        assertThat(text.status()).as("problems %s", text.problems()).isEqualTo(ExtractionStatus.EXTRACTED);
        double recall = recall(words(text.bodyText()));
        assertThat(recall).as("word recall of %s", text.bodyText()).isGreaterThanOrEqualTo(0.95);
        assertThat(text.bodyText()).contains("Ældre", "Sørensen", "hjemmehjælp", "år");
        assertThat(text.language()).isEqualTo("da");
    }

    @Test
    void readsAScannedImage() {
        ExtractedText text = EXTRACTOR.extract(document("scanned-letter.png"), "scanning.png");

        assertThat(text.status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(recall(words(text.bodyText() + " " + text.attachments()))).isGreaterThanOrEqualTo(0.95);
    }

    /** Share of the true words (with multiplicity) that the OCR text contains. */
    private static double recall(List<String> found) {
        Map<String, Integer> available = new HashMap<>();
        found.forEach(word -> available.merge(word, 1, Integer::sum));
        long hits = TRUTH.stream().filter(word -> available.computeIfPresent(word, (w, n) -> n - 1) != null
                && available.get(word) >= 0).count();
        return (double) hits / TRUTH.size();
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isBlank()).toList();
    }
}
