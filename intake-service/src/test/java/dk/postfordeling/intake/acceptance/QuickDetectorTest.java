package dk.postfordeling.intake.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.intake.Documents;
import dk.postfordeling.intake.Samples;
import java.nio.charset.StandardCharsets;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.junit.jupiter.api.Test;

/** The quick path agrees with Tika where it answers, and leaves everything else to Tika. */
class QuickDetectorTest {

    @Test
    void agreesWithTikaOnMailPdfAndImages() throws Exception {
        for (byte[] content : new byte[][] {Samples.parkingComplaintWithPdf(), Samples.bulkyWastePickup(),
                Documents.document("scanned-letter.pdf"), Documents.document("scanned-letter.png"),
                Documents.document("encrypted.pdf")}) {
            assertThat(QuickDetector.detect(content)).contains(tika(content));
        }
    }

    @Test
    void leavesOtherFormatsToTika() {
        assertThat(QuickDetector.detect(Documents.document("byggesag.docx"))).isEmpty();
        assertThat(QuickDetector.detect(Documents.document("outlook-with-attachments.msg"))).isEmpty();
        assertThat(QuickDetector.detect(Documents.memo("memo-1.1-with-contentdata.xml"))).isEmpty();
        assertThat(QuickDetector.detect("Subject: hej\nder er ingen afsender\n\ntekst".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(QuickDetector.detect("Kære kommune: jeg har et spørgsmål".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private static String tika(byte[] content) throws Exception {
        try (TikaInputStream in = TikaInputStream.get(content)) {
            return TikaConfig.getDefaultConfig().getDetector().detect(in, new Metadata()).getBaseType().toString();
        }
    }
}
