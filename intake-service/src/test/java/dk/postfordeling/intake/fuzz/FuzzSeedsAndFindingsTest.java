package dk.postfordeling.intake.fuzz;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzz targets on every seed of the campaign (the real test files) and on every input a
 * campaign ever found ({@code src/test/resources/fuzz-findings/<target>/}): each must pass, so a
 * finding, once fixed, stays fixed.
 */
class FuzzSeedsAndFindingsTest {

    static Stream<Path> extractionInputs() throws IOException {
        return inputs("documents", "memo", "fuzz-findings/extraction");
    }

    static Stream<Path> memoInputs() throws IOException {
        return inputs("memo", "fuzz-findings/memo");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extractionInputs")
    void theExtractorNeverThrows(Path input) throws IOException {
        byte[] bytes = Files.readAllBytes(input);
        assertThatCode(() -> ExtractionFuzzTarget.fuzzerTestOneInput(bytes)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memoInputs")
    void theMemoReaderNeverThrows(Path input) throws IOException {
        byte[] bytes = Files.readAllBytes(input);
        assertThatCode(() -> MemoFuzzTarget.fuzzerTestOneInput(bytes)).doesNotThrowAnyException();
    }

    private static Stream<Path> inputs(String... folders) throws IOException {
        Stream<Path> all = Stream.empty();
        for (String folder : folders) {
            Path dir = Path.of("src/test/resources", folder);
            if (Files.isDirectory(dir)) {
                all = Stream.concat(all, Files.list(dir).filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("README")).sorted().toList().stream());
            }
        }
        return all;
    }
}
