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
import java.nio.file.StandardCopyOption;
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
    private final Path extracted;
    private final int dimension;
    private final List<Predictor<NDList, NDList>> predictors = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Predictor<NDList, NDList>> predictor;

    private SentenceEncoder(EncoderSpec spec, Path dir, Path extracted) throws IOException {
        this.spec = spec;
        this.extracted = extracted;
        this.tokenizer = HuggingFaceTokenizer.builder()
                .optTokenizerPath(dir.resolve("tokenizer.json"))
                .optMaxLength(spec.maxTokens())
                .optTruncation(true)
                .optPadding(false)
                .optAddSpecialTokens(true)
                .build();
        this.model = Model.newInstance("encoder", Device.cpu(), "OnnxRuntime");
        try {
            // One thread per call: the service runs several classification workers, and a figure per thread stays honest.
            model.load(dir, "model", java.util.Map.of("interOpNumThreads", "1", "intraOpNumThreads", "1"));
        } catch (MalformedModelException e) {
            model.close();
            throw new IOException("cannot load the sentence encoder from " + dir + ": " + e.getMessage(), e);
        }
        this.predictor = ThreadLocal.withInitial(() -> {
            Predictor<NDList, NDList> created = model.newPredictor(new NoopTranslator());
            predictors.add(created);
            return created;
        });
        this.dimension = embed("dimension").length;
    }

    /**
     * Opens an encoder: {@link #BUNDLED}, or a directory with {@code model.onnx},
     * {@code tokenizer.json} and optionally {@code encoder.json} (see {@link EncoderSpec}).
     */
    public static SentenceEncoder open(String location) throws IOException {
        if (BUNDLED.equals(location)) {
            Path dir = Files.createTempDirectory("postfordeling-encoder");
            copy("/all-minilm-l6-v2-q.onnx", dir.resolve("model.onnx"));
            copy("/all-minilm-l6-v2-q-tokenizer.json", dir.resolve("tokenizer.json"));
            return new SentenceEncoder(EncoderSpec.bundled(), dir, dir);
        }
        Path dir = Path.of(location);
        if (!Files.isRegularFile(dir.resolve("model.onnx")) || !Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            throw new IOException("a sentence encoder directory needs model.onnx and tokenizer.json: " + dir);
        }
        return new SentenceEncoder(EncoderSpec.read(dir), dir, null);
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = SentenceEncoder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the bundled sentence encoder is missing from the class path: " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
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
        if (extracted != null) {
            try (var files = Files.list(extracted)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(extracted);
            } catch (IOException e) {
                // a temporary copy of a public model; the operating system's temp cleaning takes it
            }
        }
    }
}
