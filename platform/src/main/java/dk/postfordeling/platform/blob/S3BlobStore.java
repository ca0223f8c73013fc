package dk.postfordeling.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Content-addressed blob store in a bucket of an S3-compatible object store: key
 * {@code <prefix>ab/cd/abcd…}. Every instance of every service reads and writes the same bucket, so
 * no service needs a shared file system.
 *
 * <p>The content is read once into a temporary file while its SHA-256 is computed (the key is the
 * digest), then uploaded with its length; the file is deleted before {@code put} returns. S3 makes
 * an object visible only once it is stored whole, so a reader never sees half an original. Storing
 * the same content twice stores it once.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String keyPrefix;

    public S3BlobStore(S3Client s3, String bucket, String keyPrefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
    }

    /** A store on the configured bucket, with the URL-connection HTTP client and path-style addressing where asked. */
    public static S3BlobStore connect(BlobStoreProperties.S3 settings) {
        if (settings == null || settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("postfordeling.blob-store.s3.bucket is needed for the s3 blob store");
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials(settings));
        if (settings.endpoint() != null && !settings.endpoint().toString().isBlank()) {
            builder.endpointOverride(settings.endpoint());
        }
        return new S3BlobStore(builder.build(), settings.bucket(), settings.keyPrefix());
    }

    private static AwsCredentialsProvider credentials(BlobStoreProperties.S3 settings) {
        if (settings.accessKeyId() == null || settings.accessKeyId().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
    }

    @Override
    public StoredBlob put(InputStream content) throws IOException {
        Path spool = Files.createTempFile("postfordeling-blob-", ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(spool), digest)) {
                size = content.transferTo(out);
            }
            String hex = HexFormat.of().formatHex(digest.digest());
            String uri = StoredBlob.uriOf(hex);
            if (!exists(uri)) {
                call(() -> s3.putObject(request -> request.bucket(bucket).key(keyOf(hex)).contentLength(size)
                        .contentType("application/octet-stream"), RequestBody.fromFile(spool)));
            }
            return new StoredBlob(uri, hex, size);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public InputStream open(String uri) throws IOException {
        String key = keyOf(StoredBlob.sha256Of(uri));
        try {
            return s3.getObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException("no stored original for " + uri);
        } catch (SdkException e) {
            throw new IOException("the object store did not answer for " + uri + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public boolean exists(String uri) {
        String key = keyOf(StoredBlob.sha256Of(uri));
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean delete(String uri) throws IOException {
        if (!exists(uri)) {
            return false;
        }
        String key = keyOf(StoredBlob.sha256Of(uri));
        call(() -> s3.deleteObject(request -> request.bucket(bucket).key(key)));
        return true;
    }

    @Override
    public void close() {
        s3.close();
    }

    private String keyOf(String hex) {
        return keyPrefix + hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex;
    }

    /** A call to the store; its failures become {@link IOException}s naming only the exception's kind. */
    private static void call(Runnable request) throws IOException {
        try {
            request.run();
        } catch (SdkException e) {
            throw new IOException("the object store refused the request: " + e.getClass().getSimpleName(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
