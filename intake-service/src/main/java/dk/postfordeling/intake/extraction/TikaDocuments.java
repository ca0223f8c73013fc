package dk.postfordeling.intake.extraction;

import dk.postfordeling.contracts.AttachmentText;
import dk.postfordeling.contracts.ExtractionProblem;
import dk.postfordeling.intake.IntakeProperties;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One document read with Apache Tika: its type detected by content, the name checked against it,
 * and its text, subject and attachments read recursively (attachments, forwarded mails), with OCR
 * (Tesseract) for images and PDF pages without a text layer. Limits of size, depth, count and time
 * are kept while reading; what breaks one comes out as a problem, never as an exception.
 */
final class TikaDocuments {

    private static final Logger log = LoggerFactory.getLogger(TikaDocuments.class);
    private static final int THIN_TEXT_PER_PAGE = 20;
    /** Characters of text per byte of original beyond which a document is treated as a zip bomb. */
    private static final long MAX_EXPANSION = 20;

    /** What a document held. */
    record Parsed(String subject, String body, List<AttachmentText> attachments, List<ExtractionProblem> problems) {
    }

    private final AutoDetectParser parser;
    private final IntakeProperties.Limits limits;
    private final IntakeProperties.Ocr ocr;
    private final boolean ocrAvailable;
    private final ExecutorService parsing = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "tika-parse");
        thread.setDaemon(true);
        return thread;
    });

    TikaDocuments(TikaConfig tika, IntakeProperties.Limits limits, IntakeProperties.Ocr ocr) {
        this.parser = new AutoDetectParser(tika);
        this.limits = limits;
        this.ocr = ocr;
        this.ocrAvailable = ocr.enabled() && Tesseract.isInstalled();
        if (ocr.enabled() && !ocrAvailable) {
            log.warn("OCR is enabled but the tesseract program was not found; scanned pages will go to review as unreadable");
        }
    }

    /**
     * Parses one document (and everything embedded in it) with Tika on a thread of its own, within the
     * parse timeout; OCR for images and PDF pages without text, up to the page limit.
     */
    Parsed parse(byte[] content, String fileName, MediaType type, int depthOffset) {
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
            problems.add(ExtractionProblems.parseTimeout(limits.parseTimeout()));
            return new Parsed("", "", List.of(), problems);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel(true);
            problems.add(ExtractionProblems.parseInterrupted());
            return new Parsed("", "", List.of(), problems);
        } catch (ExecutionException e) {
            problems.add(ExtractionProblems.parserFailure(e.getCause()));
        }
        Parsed parsed = assemble(handler.getMetadataList(), depthOffset, content.length, problems);
        if (pageLimitHit && parsed.body().length() < THIN_TEXT_PER_PAGE * pages) {
            problems.add(ExtractionProblems.ocrPageLimit(pages, ocr.maxPages()));
        } else if (!ocrAvailable && isImageOrThinPdf(type, parsed, pages)) {
            problems.add(ExtractionProblems.ocrUnavailable());
        }
        return parsed;
    }

    private static boolean isImageOrThinPdf(MediaType type, Parsed parsed, int pages) {
        return type.getType().equals("image") || (pages > 0 && parsed.body().length() < THIN_TEXT_PER_PAGE * pages);
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
                    problems.add(ExtractionProblems.zipBombTextUnused());
                    continue;
                }
                problems.add(ExtractionProblems.textTruncated());
            }
            String embeddedFailure = document.get(TikaCoreProperties.EMBEDDED_EXCEPTION);
            if (embeddedFailure != null) {
                problems.add(ExtractionProblems.embeddedFailure(embeddedFailure, nameOf(document, i)));
            }
            if (i == 0) {
                subject = firstNonBlank(document.get(TikaCoreProperties.SUBJECT), document.get(TikaCoreProperties.TITLE),
                        document.get("dc:subject"));
                if (isMail(document)) {
                    // Tika writes a mail's subject as the first line of its text; the subject has its own field.
                    String withoutSubject = !subject.isEmpty() && text.startsWith(subject)
                            ? text.substring(subject.length()).strip() : text;
                    TextNormaliser.appendParagraph(body, TextNormaliser.normaliseBody(withoutSubject));
                } else {
                    TextNormaliser.appendParagraph(body, text);
                }
            } else if (isInlineBodyPart(document)) {
                TextNormaliser.appendParagraph(body, TextNormaliser.normaliseBody(text));
            } else {
                attachments.add(new AttachmentText(document.get(TikaCoreProperties.RESOURCE_NAME_KEY), mediaTypeOf(document), text));
            }
        }
        if (tooDeep) {
            problems.add(ExtractionProblems.nestingTooDeep(limits.maxNestingDepth()));
        }
        if (documents.size() >= limits.maxAttachments() + 1) {
            problems.add(ExtractionProblems.tooManyAttachments(limits.maxAttachments()));
        }
        return new Parsed(subject, body.toString(), attachments, problems);
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

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

}
