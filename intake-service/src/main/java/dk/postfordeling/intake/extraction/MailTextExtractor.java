package dk.postfordeling.intake.extraction;

import dk.postfordeling.contracts.AttachmentText;
import dk.postfordeling.contracts.ExtractionProblem;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.intake.IntakeProperties;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Extracts subject, body and per-attachment text from any supported original with Apache Tika,
 * walking nested documents (attachments, forwarded mails) recursively. Unreadable parts become
 * problems on the result, never exceptions: every mail comes out with a status.
 */
@Component
public class MailTextExtractor {

    private final AutoDetectParser parser;
    private final LanguageGuesser languages;
    private final IntakeProperties properties;

    public MailTextExtractor(TikaConfig tika, LanguageGuesser languages, IntakeProperties properties) {
        this.parser = new AutoDetectParser(tika);
        this.languages = languages;
        this.properties = properties;
    }

    public ExtractedText extract(InputStream original, String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null && !fileName.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
                new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.TEXT, properties.maxTextChars()),
                properties.maxAttachments());
        List<ExtractionProblem> problems = new ArrayList<>();
        try (TikaInputStream in = TikaInputStream.get(original)) {
            new RecursiveParserWrapper(parser).parse(in, handler, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            problems.add(new ExtractionProblem("ENCRYPTED", "Dokumentet er krypteret og kan ikke læses."));
        } catch (TikaException | SAXException | IOException | RuntimeException e) {
            problems.add(new ExtractionProblem("PARSE_FAILED", "Dokumentet kunne ikke læses (" + e.getClass().getSimpleName() + ")."));
        }
        return assemble(handler.getMetadataList(), problems);
    }

    private ExtractedText assemble(List<Metadata> documents, List<ExtractionProblem> problems) {
        String subject = "";
        StringBuilder body = new StringBuilder();
        List<AttachmentText> attachments = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Metadata document = documents.get(i);
            String text = TextNormaliser.normalise(document.get(TikaCoreProperties.TIKA_CONTENT));
            if (document.get(TikaCoreProperties.WRITE_LIMIT_REACHED) != null) {
                problems.add(new ExtractionProblem("TEXT_TRUNCATED", "Teksten var for lang og er afkortet."));
            }
            if (document.get(TikaCoreProperties.EMBEDDED_EXCEPTION) != null) {
                problems.add(new ExtractionProblem("ATTACHMENT_UNREADABLE",
                        "Et bilag kunne ikke læses (" + nameOf(document, i) + ")."));
            }
            if (i == 0) {
                subject = firstNonBlank(document.get(TikaCoreProperties.SUBJECT), document.get(TikaCoreProperties.TITLE));
                appendParagraph(body, text);
            } else if (isInlineBodyPart(document)) {
                appendParagraph(body, text);
            } else {
                attachments.add(new AttachmentText(document.get(TikaCoreProperties.RESOURCE_NAME_KEY),
                        mediaTypeOf(document), text));
            }
        }
        if (documents.size() > properties.maxAttachments()) {
            problems.add(new ExtractionProblem("TOO_MANY_ATTACHMENTS",
                    "Kun de første " + properties.maxAttachments() + " bilag er læst."));
        }
        String bodyText = body.toString();
        boolean anyText = !subject.isBlank() || !bodyText.isBlank() || attachments.stream().anyMatch(a -> !a.text().isBlank());
        if (!anyText && problems.isEmpty()) {
            problems.add(new ExtractionProblem("NO_TEXT", "Der blev ikke fundet nogen tekst."));
        }
        ExtractionStatus status = problems.isEmpty() ? ExtractionStatus.EXTRACTED
                : anyText ? ExtractionStatus.PARTIAL : ExtractionStatus.REJECTED;
        String language = languages.guess(subject + "\n" + bodyText);
        return new ExtractedText(subject, bodyText, attachments, language, status, problems);
    }

    /** Alternative text parts of a mail body are embedded documents without a name; they belong to the body. */
    private static boolean isInlineBodyPart(Metadata document) {
        String name = document.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        String type = mediaTypeOf(document);
        String depth = document.get(TikaCoreProperties.EMBEDDED_DEPTH);
        return (name == null || name.isBlank()) && "1".equals(depth)
                && (type.startsWith("text/plain") || type.startsWith("text/html"));
    }

    private static String mediaTypeOf(Metadata document) {
        String type = document.get(Metadata.CONTENT_TYPE);
        return type == null ? "application/octet-stream" : type.split(";")[0].trim();
    }

    private static String nameOf(Metadata document, int index) {
        String name = document.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        return name == null ? "bilag " + index : "bilag " + index + ", " + mediaTypeOf(document);
    }

    private static void appendParagraph(StringBuilder body, String text) {
        if (!text.isBlank()) {
            if (!body.isEmpty()) {
                body.append("\n\n");
            }
            body.append(text);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }
}
