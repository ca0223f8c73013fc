package dk.postfordeling.platform.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every blob store keeps, tested on each: content-addressed, idempotent, readable by another
 * instance the moment {@code put} returns, and gone when deleted.
 */
abstract class BlobStoreContract {

    /** A store for this test. */
    abstract BlobStore store() throws Exception;

    /** A second store on the same storage, as another instance or another service has it. */
    abstract BlobStore otherInstance() throws Exception;

    /** How many originals the storage holds. */
    abstract long storedCount() throws Exception;

    @Test
    void storesContentUnderItsSha256AndReadsItBack() throws Exception {
        byte[] letter = ("Kære kommune " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);

        StoredBlob stored = store().put(new ByteArrayInputStream(letter));

        assertThat(stored.sha256()).isEqualTo(sha256Hex(letter));
        assertThat(stored.sizeBytes()).isEqualTo(letter.length);
        assertThat(stored.uri()).isEqualTo("blob:sha256:" + stored.sha256());
        assertThat(read(store(), stored.uri())).isEqualTo(letter);
    }

    @Test
    void anotherInstanceReadsWhatOneStored() throws Exception {
        byte[] scan = randomBytes(3 * 1024 * 1024 + 17);

        StoredBlob stored = store().put(new ByteArrayInputStream(scan));

        assertThat(otherInstance().exists(stored.uri())).isTrue();
        assertThat(read(otherInstance(), stored.uri())).isEqualTo(scan);
    }

    @Test
    void storingTheSameContentTwiceGivesOneBlob() throws Exception {
        long before = storedCount();
        byte[] content = ("samme indhold " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);

        StoredBlob first = store().put(new ByteArrayInputStream(content));
        StoredBlob second = otherInstance().put(new ByteArrayInputStream(content));

        assertThat(second).isEqualTo(first);
        assertThat(storedCount()).isEqualTo(before + 1);
    }

    @Test
    void twoInstancesStoringTheSameContentAtOnceGiveOneReadableBlob() throws Exception {
        byte[] content = randomBytes(512 * 1024);
        BlobStore one = store();
        BlobStore two = otherInstance();
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<StoredBlob>> puts = both.invokeAll(List.<Callable<StoredBlob>>of(
                    () -> one.put(new ByteArrayInputStream(content)), () -> two.put(new ByteArrayInputStream(content))));
            assertThat(puts.get(0).get()).isEqualTo(puts.get(1).get());
            assertThat(read(one, puts.get(0).get().uri())).isEqualTo(content);
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    void deletedContentIsGoneForEveryInstance() throws Exception {
        StoredBlob stored = store().put(new ByteArrayInputStream(("slettes " + System.nanoTime()).getBytes(StandardCharsets.UTF_8)));

        assertThat(otherInstance().delete(stored.uri())).isTrue();

        assertThat(store().exists(stored.uri())).isFalse();
        assertThat(store().delete(stored.uri())).isFalse();
        assertThatThrownBy(() -> store().open(stored.uri())).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void openingWhatWasNeverStoredSaysSo() {
        String never = StoredBlob.uriOf("0".repeat(64));

        assertThatThrownBy(() -> store().open(never)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void rejectsMalformedReferences() {
        assertThatThrownBy(() -> store().open("blob:sha256:../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().exists("s3://originals/abc")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] read(BlobStore store, String uri) throws Exception {
        try (InputStream in = store.open(uri)) {
            return in.readAllBytes();
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        bytes[0] = (byte) System.nanoTime();
        return bytes;
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
