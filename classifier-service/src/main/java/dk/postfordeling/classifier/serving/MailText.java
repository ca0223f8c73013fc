package dk.postfordeling.classifier.serving;

import dk.postfordeling.contracts.AttachmentText;
import dk.postfordeling.contracts.TextExtracted;

/** The text the model reads for a mail: subject, body, then the start of each attachment. */
final class MailText {

    private MailText() {
    }

    static String of(TextExtracted mail, int attachmentChars) {
        StringBuilder text = new StringBuilder();
        text.append(mail.subject()).append('\n').append(mail.bodyText());
        for (AttachmentText attachment : mail.attachments()) {
            String content = attachment.text() == null ? "" : attachment.text();
            text.append('\n').append(content, 0, Math.min(content.length(), attachmentChars));
        }
        return text.toString();
    }
}
