package dk.postfordeling.classifier.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceEncoderTest {

    @Test
    void textsThatMeanTheSameAreCloserThanTextsThatDoNot() throws Exception {
        try (SentenceEncoder encoder = SentenceEncoder.open(SentenceEncoder.BUNDLED)) {
            float[] card = encoder.embed("My card was declined at the shop");
            float[] payment = encoder.embed("The store would not accept my debit card payment");
            float[] weather = encoder.embed("It will rain in Copenhagen tomorrow");
            assertThat(encoder.dimension()).isEqualTo(384);
            assertThat(dot(card, card)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
            assertThat(dot(card, payment)).isGreaterThan(dot(card, weather) + 0.2);
        }
    }

    /** A municipality's own encoder: a directory with model.onnx, tokenizer.json and encoder.json. */
    @Test
    void anEncoderDirectoryIsUsedAsItsEncoderJsonSays(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (var model = SentenceEncoder.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx");
                var tokenizer = SentenceEncoder.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            java.nio.file.Files.copy(model, dir.resolve("model.onnx"));
            java.nio.file.Files.copy(tokenizer, dir.resolve("tokenizer.json"));
        }
        java.nio.file.Files.writeString(dir.resolve("encoder.json"),
                "{\"name\": \"kommunens-egen\", \"prefix\": \"query: \", \"maxTokens\": 16, \"tokenTypes\": true}");
        String text = "Jeg har fået en parkeringsafgift og vil klage over den, fordi skiltningen på vejen var forkert";
        try (SentenceEncoder own = SentenceEncoder.open(dir.toString()); SentenceEncoder bundled = SentenceEncoder.open(SentenceEncoder.BUNDLED)) {
            assertThat(own.spec()).isEqualTo(new EncoderSpec("kommunens-egen", "query: ", 16, true));
            assertThat(own.dimension()).isEqualTo(384);
            assertThat(dot(own.embed(text), bundled.embed(text))).as("prefix and 16 tokens change the encoding").isLessThan(0.999);
            assertThat(dot(own.embed(text), own.embed(text + " og mere tekst efter de første 16 tokens"))).isCloseTo(1.0,
                    org.assertj.core.api.Assertions.within(1e-5));
        }
        java.nio.file.Files.delete(dir.resolve("model.onnx"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SentenceEncoder.open(dir.toString()))
                .hasMessageContaining("needs model.onnx and tokenizer.json");
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
