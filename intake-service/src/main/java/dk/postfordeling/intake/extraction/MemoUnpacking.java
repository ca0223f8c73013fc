package dk.postfordeling.intake.extraction;

import dk.postfordeling.contracts.AttachmentText;
import dk.postfordeling.contracts.ExtractionProblem;
import dk.postfordeling.contracts.RoutingHints;
import dk.postfordeling.intake.memo.MemoMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tika.mime.MediaType;

/**
 * A Digital Post (MeMo) message unpacked file by file: the main document's text is the body, the
 * others are attachments, and the sender's KLE subject key, case id and case system become routing
 * hints. Each file is read like any other document, with its own problems.
 */
final class MemoUnpacking {

    /**
     * What the message held.
     *
     * @param declaredLanguage the language its sender gave for the main document (ISO 639-1), if any
     */
    record Unpacked(String subject, String body, List<AttachmentText> attachments, RoutingHints hints,
            Optional<String> declaredLanguage) {
    }

    private final DocumentTypes types;
    private final TikaDocuments documents;

    MemoUnpacking(DocumentTypes types, TikaDocuments documents) {
        this.types = types;
        this.documents = documents;
    }

    /** The message's text; empty (with {@code MEMO_INVALID} among the problems) when it is no readable MeMo. */
    Optional<Unpacked> unpack(byte[] original, List<ExtractionProblem> problems) {
        Optional<MemoMessage> parsed = MemoMessage.parse(original);
        if (parsed.isEmpty()) {
            problems.add(ExtractionProblems.memoInvalid());
            return Optional.empty();
        }
        MemoMessage memo = parsed.get();
        StringBuilder body = new StringBuilder();
        List<AttachmentText> attachments = new ArrayList<>();
        for (MemoMessage.File file : memo.files()) {
            if (file.content() == null) {
                problems.add(ExtractionProblems.memoFileUnreadable(file.filename()));
                continue;
            }
            MediaType fileType = types.detect(file.content(), file.filename());
            types.checkExtension(file.filename(), fileType, problems);
            TikaDocuments.Parsed read = documents.parse(file.content(), file.filename(), fileType, 1);
            problems.addAll(read.problems());
            StringBuilder text = new StringBuilder(read.body());
            read.attachments().forEach(embedded -> TextNormaliser.appendParagraph(text, embedded.text()));
            if (file.main()) {
                TextNormaliser.appendParagraph(body, text.toString());
            } else {
                attachments.add(new AttachmentText(file.filename(), fileType.getBaseType().toString(), text.toString()));
            }
        }
        // A short message says too little for the language guess; the sender declares each file's language.
        Optional<String> declared = memo.files().stream().filter(MemoMessage.File::main).map(MemoMessage.File::language)
                .filter(l -> l != null && l.matches("[a-z]{2}")).findFirst();
        return Optional.of(new Unpacked(memo.label(), body.toString(), attachments, memo.hints(), declared));
    }
}
