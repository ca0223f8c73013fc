package dk.postfordeling.classifier.encoder;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A frozen pretrained transformer that turns a text into one vector of its meaning (a sentence
 * embedding): DJL's HuggingFace tokenizer, the ONNX model on DJL's ONNX Runtime engine, mean pooling
 * over the tokens and L2 normalisation. Fully offline: the model and its {@code tokenizer.json} are
 * read from a directory or from the class path, never downloaded. Thread-safe (one predictor per
 * thread over one shared ONNX Runtime session).
 */
public final class SentenceEncoder implements AutoCloseable {

    /** The encoder shipped with the product: all-MiniLM-L6-v2, int8, from langchain4j's embeddings jar. */
    public static final String BUNDLED = "bundled:all-minilm-l6-v2-q";

    private final EncoderSpec spec;
    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final int dimension;
    private final List<Predictor<NDList, NDList>> predictors = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Predictor<NDList, NDList>> predictor;

    private SentenceEncoder(EncoderSpec spec, HuggingFaceTokenizer tokenizer, Model model) {
        this.spec = spec;
        this.tokenizer = tokenizer;
        this.model = model;
        this.predictor = ThreadLocal.withInitial(() -> {
            Predictor<NDList, NDList> created = model.newPredictor(new NoopTranslator());
            predictors.add(created);
            return created;
        });
        this.dimension = embed("dimension").length;
    }

    /**
     * Opens an encoder: {@link #BUNDLED}, read straight from the class path (no copy on disk), or a
     * directory with {@code model.onnx}, {@code tokenizer.json} and optionally {@code encoder.json}
     * (see {@link EncoderSpec}).
     */
    public static SentenceEncoder open(String location) throws IOException {
        if (BUNDLED.equals(location)) {
            EncoderSpec spec = EncoderSpec.bundled();
            HuggingFaceTokenizer tokenizer;
            try (InputStream in = resource("/all-minilm-l6-v2-q-tokenizer.json")) {
                tokenizer = HuggingFaceTokenizer.newInstance(in, tokenizerOptions(spec));
            }
            Model model = Model.newInstance("encoder", Device.cpu(), "OnnxRuntime");
            try (InputStream in = resource("/all-minilm-l6-v2-q.onnx")) {
                model.load(in, SESSION_OPTIONS);
            } catch (MalformedModelException | IOException | RuntimeException e) {
                model.close();
                tokenizer.close();
                throw new IOException("cannot load the bundled sentence encoder: " + e.getMessage(), e);
            }
            return new SentenceEncoder(spec, tokenizer, model);
        }
        Path dir = Path.of(location);
        if (!Files.isRegularFile(dir.resolve("model.onnx")) || !Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            throw new IOException("a sentence encoder directory needs model.onnx and tokenizer.json: " + dir);
        }
        EncoderSpec spec = EncoderSpec.read(dir);
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(dir.resolve("tokenizer.json"), tokenizerOptions(spec));
        Model model = Model.newInstance("encoder", Device.cpu(), "OnnxRuntime");
        try {
            model.load(dir, "model", SESSION_OPTIONS);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            tokenizer.close();
            throw new IOException("cannot load the sentence encoder from " + dir + ": " + e.getMessage(), e);
        }
        return new SentenceEncoder(spec, tokenizer, model);
    }

    /** One thread per call: the service runs several classification workers, and a figure per thread stays honest. */
    private static final java.util.Map<String, String> SESSION_OPTIONS = java.util.Map.of("interOpNumThreads", "1",
            "intraOpNumThreads", "1");

    /** Truncated to the encoder's length, special tokens added, no padding (one text at a time). */
    private static java.util.Map<String, String> tokenizerOptions(EncoderSpec spec) {
        return java.util.Map.of("maxLength", Integer.toString(spec.maxTokens()), "truncation", "true", "padding", "false",
                "addSpecialTokens", "true");
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the bundled sentence encoder is missing from the class path: " + name);
        }
        return in;
    }

    /** What this encoder is: its name and how it is used, recorded in the models trained with it. */
    public EncoderSpec spec() {
        return spec;
    }

    public int dimension() {
        return dimension;
    }

    /** The L2-normalised mean of the token vectors of the text (with the configured prefix). */
    public float[] embed(String text) {
        Encoding encoding = tokenizer.encode(spec.prefix() + text);
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        long[] types = encoding.getTypeIds();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray inputIds = manager.create(ids).reshape(1, ids.length);
            inputIds.setName("input_ids");
            NDArray attention = manager.create(mask).reshape(1, mask.length);
            attention.setName("attention_mask");
            NDArray typeIds = manager.create(types).reshape(1, types.length);
            typeIds.setName("token_type_ids");
            NDList input = spec.tokenTypes() ? new NDList(inputIds, attention, typeIds) : new NDList(inputIds, attention);
            float[] tokens = predictor.get().predict(input).get(0).toFloatArray();
            int width = tokens.length / ids.length;
            float[] pooled = new float[width];
            int counted = 0;
            for (int t = 0; t < ids.length; t++) {
                if (mask[t] == 0) {
                    continue;
                }
                counted++;
                for (int d = 0; d < width; d++) {
                    pooled[d] += tokens[t * width + d];
                }
            }
            double norm = 0;
            for (int d = 0; d < width; d++) {
                pooled[d] /= Math.max(1, counted);
                norm += pooled[d] * pooled[d];
            }
            float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < width; d++) {
                pooled[d] *= scale;
            }
            return pooled;
        } catch (TranslateException e) {
            throw new IllegalStateException("the sentence encoder failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictors.forEach(Predictor::close);
        model.close();
        tokenizer.close();
    }
}
