package dk.postfordeling.classifier.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The bundled sample data, for tests. */
public final class SampleModel {

    private SampleModel() {
    }

    public static List<LabelledText> sampleData() {
        try (InputStream in = SampleModel.class.getResourceAsStream("/sample-data/sample-mails-da.csv")) {
            return TrainingDataFiles.readCsv(in, "bundled-sample");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
