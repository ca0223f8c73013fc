package dk.postfordeling.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test documents on the class path ({@code documents/}, {@code memo/}). */
public final class Documents {

    private Documents() {
    }

    public static byte[] document(String name) {
        return read("/documents/" + name);
    }

    public static byte[] memo(String name) {
        return read("/memo/" + name);
    }

    private static byte[] read(String path) {
        try (InputStream in = Documents.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test document " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
