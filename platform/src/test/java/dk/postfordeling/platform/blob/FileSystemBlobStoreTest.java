package dk.postfordeling.platform.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void storesContentUnderItsSha256AndReadsItBack() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        byte[] letter = "Kære kommune".getBytes(StandardCharsets.UTF_8);

        StoredBlob stored = store.put(new ByteArrayInputStream(letter));

        assertThat(stored.sha256()).isEqualTo(sha256Hex(letter));
        assertThat(stored.sizeBytes()).isEqualTo(letter.length);
        assertThat(stored.uri()).isEqualTo("blob:sha256:" + stored.sha256());
        try (InputStream in = store.open(stored.uri())) {
            assertThat(in.readAllBytes()).isEqualTo(letter);
        }
    }

    @Test
    void storingTheSameContentTwiceGivesOneBlob() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);

        StoredBlob first = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        StoredBlob second = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));

        assertThat(second).isEqualTo(first);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void deletedContentIsGone() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        StoredBlob stored = store.put(new ByteArrayInputStream(new byte[] {7}));

        assertThat(store.delete(stored.uri())).isTrue();

        assertThat(store.exists(stored.uri())).isFalse();
        assertThatThrownBy(() -> store.open(stored.uri())).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void rejectsMalformedReferences() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);

        assertThatThrownBy(() -> store.open("blob:sha256:../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
