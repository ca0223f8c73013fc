package dk.postfordeling.intake.extraction;

import dk.postfordeling.contracts.ExtractionProblem;
import dk.postfordeling.platform.privacy.PersonalData;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.xml.sax.SAXException;

/**
 * Every problem extraction reports: its code (for filters, metrics and the documentation in
 * docs/intake.md) and the Danish sentence a reviewer reads. File names are masked (a CPR number in a
 * file name stays out); exceptions contribute their class, never their message.
 */
final class ExtractionProblems {

    private ExtractionProblems() {
    }

    static ExtractionProblem tooLarge(long limitBytes) {
        return new ExtractionProblem("TOO_LARGE", "Dokumentet er større end grænsen på " + limitBytes / (1024 * 1024)
                + " MB og er ikke læst.");
    }

    static ExtractionProblem malformedMime() {
        return new ExtractionProblem("MALFORMED_MIME", "E-mailens MIME-struktur er beskadiget; teksten er læst så godt det kunne lade sig gøre.");
    }

    static ExtractionProblem textTruncated() {
        return new ExtractionProblem("TEXT_TRUNCATED", "Teksten var for lang og er afkortet.");
    }

    /** The text fitted the document limits but not one Kafka record: cut, the original stays whole. */
    static ExtractionProblem textTruncatedForTheRecord() {
        return new ExtractionProblem("TEXT_TRUNCATED", "Teksten var for lang til at blive sendt videre og er afkortet.");
    }

    static ExtractionProblem memoInvalid() {
        return new ExtractionProblem("MEMO_INVALID", "Digital Post-beskeden kunne ikke læses som MeMo.");
    }

    static ExtractionProblem memoFileUnreadable(String fileName) {
        return new ExtractionProblem("MEMO_FILE_UNREADABLE", "Filen " + PersonalData.maskCpr(fileName) + " kunne ikke afkodes.");
    }

    static ExtractionProblem parseTimeout(Duration limit) {
        return new ExtractionProblem("PARSE_TIMEOUT", "Læsningen tog mere end " + limit.toSeconds() + " sekunder og blev afbrudt.");
    }

    static ExtractionProblem parseInterrupted() {
        return new ExtractionProblem("PARSE_INTERRUPTED", "Læsningen blev afbrudt.");
    }

    static ExtractionProblem ocrPageLimit(int pages, int maxPages) {
        return new ExtractionProblem("OCR_PAGE_LIMIT", "PDF'en har " + pages + " sider uden tekstlag; kun " + maxPages
                + " sider må OCR-læses.");
    }

    static ExtractionProblem ocrUnavailable() {
        return new ExtractionProblem("OCR_UNAVAILABLE", "Dokumentet er et billede eller en scanning, og OCR er ikke slået til.");
    }

    /** Far more text than the original's size allows: the text is not used. */
    static ExtractionProblem zipBombTextUnused() {
        return new ExtractionProblem("ZIP_BOMB",
                "Dokumentet pakker sig ud til langt mere end det fylder (mistanke om zip-bombe); teksten er ikke brugt.");
    }

    static ExtractionProblem nestingTooDeep(int maxDepth) {
        return new ExtractionProblem("NESTING_TOO_DEEP", "Nogle bilag ligger dybere end " + maxDepth + " niveauer og er ikke læst.");
    }

    static ExtractionProblem tooManyAttachments(int max) {
        return new ExtractionProblem("TOO_MANY_ATTACHMENTS", "Kun de første " + max + " bilag er læst.");
    }

    static ExtractionProblem noText() {
        return new ExtractionProblem("NO_TEXT", "Der blev ikke fundet nogen tekst.");
    }

    static ExtractionProblem wrongExtension(String extension, String detectedType) {
        return new ExtractionProblem("WRONG_EXTENSION", "Filnavnet siger " + extension + ", men indholdet er "
                + detectedType + "; det er læst som indholdet.");
    }

    /** Why the parser failed on the whole document. */
    static ExtractionProblem parserFailure(Throwable failure) {
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

    /** Why one embedded document (an attachment) could not be read; {@code name} describes it without content. */
    static ExtractionProblem embeddedFailure(String failure, String name) {
        String lower = failure.toLowerCase(Locale.ROOT);
        if (lower.contains("encrypted")) {
            return new ExtractionProblem("ATTACHMENT_ENCRYPTED", "Et bilag er krypteret og kan ikke læses (" + name + ").");
        }
        if (lower.contains("zip bomb")) {
            return new ExtractionProblem("ZIP_BOMB", "Et bilag pakker sig ud til langt mere end det fylder (" + name + ").");
        }
        return new ExtractionProblem("ATTACHMENT_UNREADABLE", "Et bilag kunne ikke læses (" + name + ").");
    }
}
