package dk.postfordeling.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.intake.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast path for plain-text mail reads what Tika reads. */
class PlainTextMailTest {

    @Test
    void readsPlainMailLikeTika() {
        for (String sample : List.of("ambiguous-question.eml", "building-permit-question.eml", "passport-with-cpr.eml")) {
            byte[] mail = Samples.mail(sample);
            String[] fast = PlainTextMail.read(mail).orElseThrow();
            ExtractedText viaExtractor = ExtractorFixture.EXTRACTOR.extract(mail, sample);

            assertThat(fast[0]).as(sample).isEqualTo(viaExtractor.subject());
            assertThat(TextNormaliser.normaliseBody(fast[1])).as(sample).isEqualTo(viaExtractor.bodyText());
            ExtractedText viaTika = ExtractorFixture.EXTRACTOR.extractWithTika(mail, sample);
            assertThat(viaExtractor.subject()).as(sample).isEqualTo(viaTika.subject());
            assertThat(viaExtractor.bodyText()).as(sample).isEqualTo(viaTika.bodyText());
            assertThat(viaExtractor.status()).isEqualTo(viaTika.status());
            assertThat(viaExtractor.language()).isEqualTo(viaTika.language());
        }
    }

    @Test
    void leavesMultipartMailToTika() {
        assertThat(PlainTextMail.read(Samples.parkingComplaintWithPdf())).isEmpty();
        assertThat(PlainTextMail.read(Samples.bulkyWastePickup())).isEmpty();
    }
}
