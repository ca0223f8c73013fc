package dk.postfordeling.intake.extraction;

import dk.postfordeling.contracts.AttachmentText;
import dk.postfordeling.contracts.ExtractionProblem;
import dk.postfordeling.contracts.ExtractionStatus;
import dk.postfordeling.contracts.RoutingHints;
import dk.postfordeling.platform.privacy.PersonalData;
import dk.postfordeling.intake.IntakeProperties;
import dk.postfordeling.intake.memo.MemoMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Extracts subject, body and per-attachment text from an original: a plain-text e-mail directly, a
 * Digital Post (MeMo) message file by file ({@link MemoUnpacking}), anything else with Apache Tika
 * ({@link TikaDocuments}); then decides the status and guesses the language. The problems it can
 * report are listed in {@link ExtractionProblems}.
 *
 * <p>Nothing here throws for bad input: a document that is too large, encrypted, a zip bomb, hangs
 * the parser, or is not what its name says, comes out {@code PARTIAL} or {@code REJECTED} with the
 * reason, so a person sees it.
 */
public class MailTextExtractor {

    /** Container types whose content needs a closer look than acceptance's detection gave. */
    private static final java.util.Set<MediaType> GENERIC = java.util.Set.of(MediaType.OCTET_STREAM,
            MediaType.application("zip"), MediaType.application("x-tika-msoffice"), MediaType.application("x-tika-ooxml"),
            MediaType.application("xml"), MediaType.TEXT_PLAIN);

    private final DocumentTypes types;
    private final TikaDocuments documents;
    private final MemoUnpacking memo;
    private final LanguageGuesser languages;
    private final IntakeProperties.Limits limits;

    public MailTextExtractor(TikaConfig tika, LanguageGuesser languages, IntakeProperties.Limits limits, IntakeProperties.Ocr ocr) {
        this.types = new DocumentTypes(tika);
        this.documents = new TikaDocuments(tika, limits, ocr);
        this.memo = new MemoUnpacking(types, documents);
        this.languages = languages;
        this.limits = limits;
    }

    /** Extracts one original; {@code fileName} (may be null) only helps detection and is checked against the content. */
    public ExtractedText extract(byte[] original, String fileName) {
        return extract(original, fileName, null);
    }

    /**
     * Extracts one original whose media type was detected before (at acceptance); {@code null} or a
     * generic container type is detected again.
     */
    public ExtractedText extract(byte[] original, String fileName, String knownMediaType) {
        return extract(original, fileName, knownMediaType, true);
    }

    /** The same extraction with every document going through Tika (no plain-text shortcut); for comparison. */
    ExtractedText extractWithTika(byte[] original, String fileName) {
        return extract(original, fileName, null, false);
    }

    private ExtractedText extract(byte[] original, String fileName, String knownMediaType, boolean shortcuts) {
        List<ExtractionProblem> problems = new ArrayList<>();
        if (original.length > limits.maxDocumentBytes()) {
            problems.add(ExtractionProblems.tooLarge(limits.maxDocumentBytes()));
            return finish("", "", List.of(), problems, null);
        }
        MediaType known = knownMediaType == null ? null : MediaType.parse(knownMediaType);
        MediaType type = known == null || GENERIC.contains(known.getBaseType()) ? types.detect(original, fileName) : known;
        types.checkExtension(fileName, type, problems);
        if (MemoMessage.looksLikeMemo(type, original)) {
            return extractMemo(original, problems);
        }
        if ("message/rfc822".equals(type.getBaseType().toString())) {
            MimeStructure.problemIn(original).ifPresent(broken -> problems.add(ExtractionProblems.malformedMime()));
            if (shortcuts && problems.isEmpty()) {
                Optional<String[]> plain = PlainTextMail.read(original);
                if (plain.isPresent()) {
                    String body = plain.get()[1];
                    if (body.length() > limits.maxTextChars()) {
                        body = body.substring(0, limits.maxTextChars());
                        problems.add(ExtractionProblems.textTruncated());
                    }
                    return finish(plain.get()[0], TextNormaliser.normaliseBody(body), List.of(), problems, null);
                }
            }
        }
        TikaDocuments.Parsed parsed = documents.parse(original, fileName, type, 0);
        problems.addAll(parsed.problems());
        return finish(parsed.subject(), parsed.body(), parsed.attachments(), problems, null);
    }

    private ExtractedText extractMemo(byte[] original, List<ExtractionProblem> problems) {
        Optional<MemoUnpacking.Unpacked> memo = this.memo.unpack(original, problems);
        if (memo.isEmpty()) {
            return finish("", "", List.of(), problems, null);
        }
        MemoUnpacking.Unpacked unpacked = memo.get();
        ExtractedText text = finish(unpacked.subject(), unpacked.body(), unpacked.attachments(), problems, unpacked.hints());
        if ("und".equals(text.language()) && unpacked.declaredLanguage().isPresent()) {
            return new ExtractedText(text.subject(), text.bodyText(), text.attachments(), unpacked.declaredLanguage().get(),
                    text.status(), text.problems(), text.hints());
        }
        return text;
    }

    private ExtractedText finish(String subject, String body, List<AttachmentText> attachments,
            List<ExtractionProblem> problems, RoutingHints hints) {
        String cleanSubject = subject == null ? "" : subject.strip();
        boolean anyText = !cleanSubject.isBlank() || !body.isBlank() || attachments.stream().anyMatch(a -> !a.text().isBlank());
        if (!anyText && problems.isEmpty()) {
            problems.add(ExtractionProblems.noText());
        }
        List<ExtractionProblem> distinct = problems.stream().distinct().toList();
        ExtractionStatus status = distinct.isEmpty() ? ExtractionStatus.EXTRACTED
                : anyText ? ExtractionStatus.PARTIAL : ExtractionStatus.REJECTED;
        String language = languages.guess(cleanSubject + "\n" + body);
        return new ExtractedText(cleanSubject, body, attachments, language, status, distinct, hints);
    }
}
