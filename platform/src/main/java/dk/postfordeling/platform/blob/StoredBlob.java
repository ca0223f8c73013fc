package dk.postfordeling.platform.blob;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Reference to stored content.
 *
 * @param uri       {@code blob:sha256:<hex>}, stable for the same bytes
 * @param sha256    lower-case hex SHA-256 of the content
 * @param sizeBytes size of the content in bytes
 */
public record StoredBlob(String uri, String sha256, long sizeBytes) {

    private static final String PREFIX = "blob:sha256:";

    public StoredBlob {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The reference for content with this SHA-256 digest. */
    public static String uriOf(String sha256) {
        return PREFIX + sha256;
    }

    /** Whether {@code uri} is a well-formed reference to stored content (what {@link #sha256Of} accepts). */
    public static boolean isReference(String uri) {
        try {
            sha256Of(uri);
            return true;
        } catch (IllegalArgumentException notAReference) {
            return false;
        }
    }

    /** The hex digest named by a reference; rejects anything that is not a well-formed reference. */
    public static String sha256Of(String uri) {
        if (uri == null || !uri.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a blob reference: " + uri);
        }
        String hex = uri.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        if (hex.length() != 64) {
            throw new IllegalArgumentException("not a blob reference: " + uri);
        }
        HexFormat.of().parseHex(hex);
        return hex;
    }
}
