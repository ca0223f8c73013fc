package dk.postfordeling.contracts;

/**
 * Routing information the sender supplied, e.g. in a Digital Post (MeMo) message header.
 * Every field is optional.
 *
 * @param kleNumber    KLE subject key ({@code NN.NN.NN}); KLE (Kommunernes Landsforenings
 *                     Emnesystematik) is the subject classification municipalities file by
 * @param caseId       the sender's reference to an existing case
 * @param senderIdType {@code CPR} or {@code CVR} when the sender is identified
 * @param messageLabel the message label (subject) of a MeMo message
 * @param caseSystem   since schema 1.2 of MailReceived (1.3 MailClassified, 1.1 TextExtracted): the
 *                     system {@code caseId} belongs to, as the sender named it (e.g. SBSYS), or {@code null}
 */
public record RoutingHints(String kleNumber, String caseId, String senderIdType, String messageLabel, String caseSystem) {

    /** Hints without a case system (earlier schema versions). */
    public RoutingHints(String kleNumber, String caseId, String senderIdType, String messageLabel) {
        this(kleNumber, caseId, senderIdType, messageLabel, null);
    }
}
