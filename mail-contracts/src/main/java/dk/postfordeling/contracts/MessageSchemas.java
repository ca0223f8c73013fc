package dk.postfordeling.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates wire messages against the JSON Schema files of the topic catalogue. */
public final class MessageSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private MessageSchemas() {
    }

    /** Problems of a JSON document against the topic's schema; empty when it is valid. */
    public static List<String> validate(Topic<?> topic, String json) {
        return schemaOf(topic).validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** The raw schema text of a topic. */
    public static String schemaText(Topic<?> topic) {
        try (InputStream in = open(topic.schemaPath())) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema schemaOf(Topic<?> topic) {
        return CACHE.computeIfAbsent(topic.schemaPath(), path -> {
            try (InputStream in = open(path)) {
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static InputStream open(String path) throws IOException {
        InputStream in = MessageSchemas.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("schema not on class path: " + path);
        }
        return in;
    }
}
