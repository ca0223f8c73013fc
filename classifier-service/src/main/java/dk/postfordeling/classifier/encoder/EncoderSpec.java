package dk.postfordeling.classifier.encoder;

import dk.postfordeling.contracts.MailJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How an encoder is used. A municipality's own encoder directory may hold {@code encoder.json} with
 * these fields; absent fields take the bundled encoder's values.
 *
 * @param name       recorded in the models trained with it, e.g. {@code all-minilm-l6-v2-q}
 * @param prefix     put before every text (e5 models expect {@code "query: "})
 * @param maxTokens  tokens read from the start of a text, at most; the rest is not encoded
 * @param tokenTypes whether the ONNX model takes a {@code token_type_ids} input (BERT-style models do)
 */
public record EncoderSpec(String name, String prefix, int maxTokens, boolean tokenTypes) {

    public static EncoderSpec bundled() {
        return new EncoderSpec("all-minilm-l6-v2-q", "", 128, true);
    }

    static EncoderSpec read(Path dir) throws IOException {
        Path file = dir.resolve("encoder.json");
        EncoderSpec defaults = bundled();
        if (!Files.isRegularFile(file)) {
            return new EncoderSpec(dir.getFileName().toString(), defaults.prefix(), defaults.maxTokens(), defaults.tokenTypes());
        }
        EncoderSpec read = MailJson.mapper().readValue(file.toFile(), EncoderSpec.class);
        return new EncoderSpec(read.name() == null ? dir.getFileName().toString() : read.name(),
                read.prefix() == null ? defaults.prefix() : read.prefix(),
                read.maxTokens() <= 0 ? defaults.maxTokens() : read.maxTokens(), read.tokenTypes());
    }
}
