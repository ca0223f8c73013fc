package dk.postfordeling.intake.extraction;

import dk.postfordeling.contracts.ExtractionProblem;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/** What a document is, by its content; and whether its file name says the same. */
final class DocumentTypes {

    private final TikaConfig tika;

    DocumentTypes(TikaConfig tika) {
        this.tika = tika;
    }

    /** The media type by content, helped by the file name. */
    MediaType detect(byte[] content, String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null && !fileName.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (TikaInputStream in = TikaInputStream.get(content)) {
            return tika.getDetector().detect(in, metadata);
        } catch (IOException e) {
            return MediaType.OCTET_STREAM;
        }
    }

    /** A file whose name says one format while its content is another is read by content, and flagged. */
    void checkExtension(String fileName, MediaType detected, List<ExtractionProblem> problems) {
        if (fileName == null || !fileName.contains(".")) {
            return;
        }
        MimeTypes types = tika.getMimeRepository();
        String extension = fileName.substring(fileName.lastIndexOf('.')).toLowerCase(Locale.ROOT);
        MediaType named = types.getMimeType("x" + extension).getType();
        if (named.equals(MediaType.OCTET_STREAM) || named.equals(detected.getBaseType())
                || types.getMediaTypeRegistry().isSpecializationOf(detected.getBaseType(), named)
                || types.getMediaTypeRegistry().isSpecializationOf(named, detected.getBaseType())) {
            return;
        }
        try {
            if (types.forName(detected.getBaseType().toString()).getExtensions().contains(extension)) {
                return;
            }
        } catch (MimeTypeException unknown) {
            // fall through: flag it
        }
        problems.add(ExtractionProblems.wrongExtension(extension, detected.getBaseType().toString()));
    }
}
