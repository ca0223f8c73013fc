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
 * Extracts subject, body and per-attachment text from an original with Apache Tika, walking nested
 * documents (attachments, forwarded mails) recursively, with OCR (Tesseract) for images and PDF
 * pages without a text layer. Digital Post (MeMo) messages are unpacked document by document.
 *
 * <p>Nothing here throws for bad input: a document that is too large, encrypted, a zip bomb, hangs
 * the parser, or is not what its name says, comes out {@code PARTIAL} or {@code REJECTED} with the
 * reason, so a person sees it. Parsing runs on its own thread with a time limit.
 */
public class MailTextExtractor {

    private static final Logger log = LoggerFactory.getLogger(MailTextExtractor.class);
    private static final int THIN_TEXT_PER_PAGE = 20;
    /** Container types whose content needs a closer look than acceptance's detection gave. */
    private static final java.util.Set<MediaType> GENERIC = java.util.Set.of(MediaType.OCTET_STREAM,
            MediaType.application("zip"), MediaType.application("x-tika-msoffice"), MediaType.application("x-tika-ooxml"),
            MediaType.application("xml"), MediaType.TEXT_PLAIN);
    /** Characters of text per byte of original beyond which a document is treated as a zip bomb. */
    private static final long MAX_EXPANSION = 20;

    private final TikaConfig tika;
    private final AutoDetectParser parser;
    private final LanguageGuesser languages;
    private final IntakeProperties.Limits limits;
    private final IntakeProperties.Ocr ocr;
    private final boolean ocrAvailable;
    private final ExecutorService parsing = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "tika-parse");
        thread.setDaemon(true);
        return thread;
    });

    public MailTextExtractor(TikaConfig tika, LanguageGuesser languages, IntakeProperties.Limits limits, IntakeProperties.Ocr ocr) {
        this.tika = tika;
        this.parser = new AutoDetectParser(tika);
        this.languages = languages;
        this.limits = limits;
        this.ocr = ocr;
        this.ocrAvailable = ocr.enabled() && Tesseract.isInstalled();
        if (ocr.enabled() && !ocrAvailable) {
            log.warn("OCR is enabled but the tesseract program was not found; scanned pages will go to review as unreadable");
        }
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
            problems.add(new ExtractionProblem("TOO_LARGE", "Dokumentet er større end grænsen på "
                    + limits.maxDocumentBytes() / (1024 * 1024) + " MB og er ikke læst."));
            return finish("", "", List.of(), problems, null);
        }
        MediaType known = knownMediaType == null ? null : MediaType.parse(knownMediaType);
        MediaType type = known == null || GENERIC.contains(known.getBaseType()) ? detect(original, fileName) : known;
        checkExtension(fileName, type, problems);
        if (MemoMessage.looksLikeMemo(type, original)) {
            return extractMemo(original, problems);
        }
        if ("message/rfc822".equals(type.getBaseType().toString())) {
            MimeStructure.problemIn(original).ifPresent(broken -> problems.add(new ExtractionProblem("MALFORMED_MIME",
                    "E-mailens MIME-struktur er beskadiget; teksten er læst så godt det kunne lade sig gøre.")));
            if (shortcuts && problems.isEmpty()) {
                Optional<String[]> plain = PlainTextMail.read(original);
                if (plain.isPresent()) {
                    String body = plain.get()[1];
                    if (body.length() > limits.maxTextChars()) {
                        body = body.substring(0, limits.maxTextChars());
                        problems.add(new ExtractionProblem("TEXT_TRUNCATED", "Teksten var for lang og er afkortet."));
                    }
                    return finish(plain.get()[0], TextNormaliser.normaliseBody(body), List.of(), problems, null);
                }
            }
        }
        Parsed parsed = parse(original, fileName, type, 0);
        problems.addAll(parsed.problems());
        return finish(parsed.subject(), parsed.body(), parsed.attachments(), problems, null);
    }

    private ExtractedText extractMemo(byte[] original, List<ExtractionProblem> problems) {
        Optional<MemoMessage> parsedMemo = MemoMessage.parse(original);
        if (parsedMemo.isEmpty()) {
            problems.add(new ExtractionProblem("MEMO_INVALID", "Digital Post-beskeden kunne ikke læses som MeMo."));
            return finish("", "", List.of(), problems, null);
        }
        MemoMessage memo = parsedMemo.get();
        StringBuilder body = new StringBuilder();
        List<AttachmentText> attachments = new ArrayList<>();
        for (MemoMessage.File file : memo.files()) {
            if (file.content() == null) {
                problems.add(new ExtractionProblem("MEMO_FILE_UNREADABLE", "Filen " + PersonalData.maskCpr(file.filename())
                        + " kunne ikke afkodes."));
                continue;
            }
            MediaType fileType = detect(file.content(), file.filename());
            checkExtension(file.filename(), fileType, problems);
            Parsed parsed = parse(file.content(), file.filename(), fileType, 1);
            problems.addAll(parsed.problems());
            String text = join(parsed.body(), parsed.attachments().stream().map(AttachmentText::text).toList());
            if (file.main()) {
                appendParagraph(body, text);
            } else {
                attachments.add(new AttachmentText(file.filename(), fileType.getBaseType().toString(), text));
            }
        }
        ExtractedText text = finish(memo.label(), body.toString(), attachments, problems, memo.hints());
        // A short message says too little for the language guess; the sender declares each file's language.
        Optional<String> declared = memo.files().stream().filter(MemoMessage.File::main).map(MemoMessage.File::language)
                .filter(l -> l != null && l.matches("[a-z]{2}")).findFirst();
        if ("und".equals(text.language()) && declared.isPresent()) {
            return new ExtractedText(text.subject(), text.bodyText(), text.attachments(), declared.get(), text.status(),
                    text.problems(), text.hints());
        }
        return text;
    }

    private Parsed parse(byte[] content, String fileName, MediaType type, int depthOffset) {
        List<ExtractionProblem> problems = new ArrayList<>();
        Metadata metadata = new Metadata();
        if (fileName != null && !fileName.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        // Detected once already: the parser need not detect the type again.
        metadata.set(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE, type.toString());
        ParseContext context = new ParseContext();
        TesseractOCRConfig tesseract = new TesseractOCRConfig();
        tesseract.setLanguage(ocr.language());
        tesseract.setTimeoutSeconds((int) Math.max(1, ocr.timeout().toSeconds()));
        tesseract.setSkipOcr(!ocrAvailable);
        context.set(TesseractOCRConfig.class, tesseract);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(ocrAvailable ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        int pages = "application/pdf".equals(type.getBaseType().toString()) ? pdfPages(content) : 0;
        boolean pageLimitHit = ocrAvailable && pages > ocr.maxPages();
        if (pageLimitHit) {
            pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        }
        context.set(PDFParserConfig.class, pdf);
        RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
                new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.TEXT, limits.maxTextChars()),
                limits.maxAttachments());

        Future<?> job = parsing.submit(() -> {
            try (TikaInputStream in = TikaInputStream.get(content)) {
                new RecursiveParserWrapper(parser).parse(in, handler, metadata, context);
            }
            return null;
        });
        try {
            job.get(limits.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            problems.add(new ExtractionProblem("PARSE_TIMEOUT", "Læsningen tog mere end "
                    + limits.parseTimeout().toSeconds() + " sekunder og blev afbrudt."));
            return new Parsed("", "", List.of(), problems);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel(true);
            problems.add(new ExtractionProblem("PARSE_INTERRUPTED", "Læsningen blev afbrudt."));
            return new Parsed("", "", List.of(), problems);
        } catch (ExecutionException e) {
            problems.add(problemOf(e.getCause()));
        }
        Parsed parsed = assemble(handler.getMetadataList(), depthOffset, content.length, problems);
        if (pageLimitHit && parsed.body().length() < THIN_TEXT_PER_PAGE * pages) {
            problems.add(new ExtractionProblem("OCR_PAGE_LIMIT", "PDF'en har " + pages
                    + " sider uden tekstlag; kun " + ocr.maxPages() + " sider må OCR-læses."));
        } else if (!ocrAvailable && isImageOrThinPdf(type, parsed, pages)) {
            problems.add(new ExtractionProblem("OCR_UNAVAILABLE", "Dokumentet er et billede eller en scanning, og OCR er ikke slået til."));
        }
        return parsed;
    }

    private static boolean isImageOrThinPdf(MediaType type, Parsed parsed, int pages) {
        return type.getType().equals("image") || (pages > 0 && parsed.body().length() < THIN_TEXT_PER_PAGE * pages);
    }

    private static ExtractionProblem problemOf(Throwable failure) {
        if (failure instanceof EncryptedDocumentException) {
            return new ExtractionProblem("ENCRYPTED", "Dokumentet er krypteret eller beskyttet med adgangskode og kan ikke læses.");
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("zip bomb")) {
            return new ExtractionProblem("ZIP_BOMB", "Dokumentet pakker sig ud til langt mere end det fylder (mistanke om zip-bombe) og er ikke læst.");
        }
        if (failure instanceof TikaException || failure instanceof SAXException || failure instanceof IOException) {
            return new ExtractionProblem("PARSE_FAILED", "Dokumentet er beskadiget eller i et format, der ikke kan læses ("
                    + failure.getClass().getSimpleName() + ").");
        }
        return new ExtractionProblem("PARSER_CRASHED", "Læseren fejlede på dokumentet (" + failure.getClass().getSimpleName() + ").");
    }

    private Parsed assemble(List<Metadata> documents, int depthOffset, long originalBytes, List<ExtractionProblem> problems) {
        String subject = "";
        StringBuilder body = new StringBuilder();
        List<AttachmentText> attachments = new ArrayList<>();
        boolean tooDeep = false;
        for (int i = 0; i < documents.size(); i++) {
            Metadata document = documents.get(i);
            int depth = depthOffset + intOf(document.get(TikaCoreProperties.EMBEDDED_DEPTH));
            if (depth > limits.maxNestingDepth()) {
                tooDeep = true;
                continue;
            }
            String text = TextNormaliser.normalise(document.get(TikaCoreProperties.TIKA_CONTENT));
            if (document.get(TikaCoreProperties.WRITE_LIMIT_REACHED) != null) {
                if ((long) limits.maxTextChars() > MAX_EXPANSION * originalBytes) {
                    // Far more text than a document this small can hold: it unpacks like a zip bomb.
                    problems.add(new ExtractionProblem("ZIP_BOMB",
                            "Dokumentet pakker sig ud til langt mere end det fylder (mistanke om zip-bombe); teksten er ikke brugt."));
                    continue;
                }
                problems.add(new ExtractionProblem("TEXT_TRUNCATED", "Teksten var for lang og er afkortet."));
            }
            String embeddedFailure = document.get(TikaCoreProperties.EMBEDDED_EXCEPTION);
            if (embeddedFailure != null) {
                problems.add(embeddedProblem(embeddedFailure, nameOf(document, i)));
            }
            if (i == 0) {
                subject = firstNonBlank(document.get(TikaCoreProperties.SUBJECT), document.get(TikaCoreProperties.TITLE),
                        document.get("dc:subject"));
                if (isMail(document)) {
                    // Tika writes a mail's subject as the first line of its text; the subject has its own field.
                    String withoutSubject = !subject.isEmpty() && text.startsWith(subject)
                            ? text.substring(subject.length()).strip() : text;
                    appendParagraph(body, TextNormaliser.normaliseBody(withoutSubject));
                } else {
                    appendParagraph(body, text);
                }
            } else if (isInlineBodyPart(document)) {
                appendParagraph(body, TextNormaliser.normaliseBody(text));
            } else {
                attachments.add(new AttachmentText(document.get(TikaCoreProperties.RESOURCE_NAME_KEY), mediaTypeOf(document), text));
            }
        }
        if (tooDeep) {
            problems.add(new ExtractionProblem("NESTING_TOO_DEEP", "Nogle bilag ligger dybere end "
                    + limits.maxNestingDepth() + " niveauer og er ikke læst."));
        }
        if (documents.size() >= limits.maxAttachments() + 1) {
            problems.add(new ExtractionProblem("TOO_MANY_ATTACHMENTS", "Kun de første " + limits.maxAttachments() + " bilag er læst."));
        }
        return new Parsed(subject, body.toString(), attachments, problems);
    }

    private static ExtractionProblem embeddedProblem(String failure, String name) {
        String lower = failure.toLowerCase(Locale.ROOT);
        if (lower.contains("encrypted")) {
            return new ExtractionProblem("ATTACHMENT_ENCRYPTED", "Et bilag er krypteret og kan ikke læses (" + name + ").");
        }
        if (lower.contains("zip bomb")) {
            return new ExtractionProblem("ZIP_BOMB", "Et bilag pakker sig ud til langt mere end det fylder (" + name + ").");
        }
        return new ExtractionProblem("ATTACHMENT_UNREADABLE", "Et bilag kunne ikke læses (" + name + ").");
    }

    private ExtractedText finish(String subject, String body, List<AttachmentText> attachments,
            List<ExtractionProblem> problems, RoutingHints hints) {
        String cleanSubject = subject == null ? "" : subject.strip();
        boolean anyText = !cleanSubject.isBlank() || !body.isBlank() || attachments.stream().anyMatch(a -> !a.text().isBlank());
        if (!anyText && problems.isEmpty()) {
            problems.add(new ExtractionProblem("NO_TEXT", "Der blev ikke fundet nogen tekst."));
        }
        List<ExtractionProblem> distinct = problems.stream().distinct().toList();
        ExtractionStatus status = distinct.isEmpty() ? ExtractionStatus.EXTRACTED
                : anyText ? ExtractionStatus.PARTIAL : ExtractionStatus.REJECTED;
        String language = languages.guess(cleanSubject + "\n" + body);
        return new ExtractedText(cleanSubject, body, attachments, language, status, distinct, hints);
    }

    private MediaType detect(byte[] content, String fileName) {
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
    private void checkExtension(String fileName, MediaType detected, List<ExtractionProblem> problems) {
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
        problems.add(new ExtractionProblem("WRONG_EXTENSION", "Filnavnet siger " + extension + ", men indholdet er "
                + detected.getBaseType() + "; det er læst som indholdet."));
    }

    private static int pdfPages(byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isMail(Metadata document) {
        String type = mediaTypeOf(document);
        return type.equals("message/rfc822") || type.equals("application/vnd.ms-outlook");
    }

    private static boolean isInlineBodyPart(Metadata document) {
        String name = document.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        String type = mediaTypeOf(document);
        return (name == null || name.isBlank()) && "1".equals(document.get(TikaCoreProperties.EMBEDDED_DEPTH))
                && (type.startsWith("text/plain") || type.startsWith("text/html"));
    }

    private static String mediaTypeOf(Metadata document) {
        String type = document.get(Metadata.CONTENT_TYPE);
        return type == null ? "application/octet-stream" : type.split(";")[0].trim();
    }

    private static String nameOf(Metadata document, int index) {
        return "bilag " + index + ", " + mediaTypeOf(document);
    }

    private static int intOf(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String join(String body, List<String> more) {
        StringBuilder all = new StringBuilder(body);
        more.forEach(text -> appendParagraph(all, text));
        return all.toString();
    }

    private static void appendParagraph(StringBuilder body, String text) {
        if (text != null && !text.isBlank()) {
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

    private record Parsed(String subject, String body, List<AttachmentText> attachments, List<ExtractionProblem> problems) {
    }
}
