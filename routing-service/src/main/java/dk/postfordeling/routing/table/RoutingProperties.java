package dk.postfordeling.routing.table;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Routing configuration.
 *
 * @param blobStoreDir   where intake stores originals (read-only here)
 * @param senderAddress  From address of mail forwarded to function mailboxes
 * @param destinations   the routing table: label to destination
 * @param maxAttempts    delivery attempts before a mail goes to review instead
 * @param retryBackoff   wait before the first retry; doubles per attempt
 * @param pollInterval   how often the dispatcher and the outbox relay look for work
 * @param alwaysReview   rules that send a mail to a person whatever the model says (e.g. requests
 *                       for access to files — aktindsigt —, complaints, CPR numbers with health terms)
 * @param trustMemoKle   route a Digital Post message by the KLE subject key its sender gave, when the
 *                       routing table has a destination for that KLE number
 * @param dispatchWorkers mails filed at the same time; each waits on its destination's answers, so
 *                       more workers keep slow destinations from holding up the rest. Each worker
 *                       uses up to two database connections (a checkpoint commits on its own), so the
 *                       connection pool needs at least twice as many plus a few
 */
@Validated
@ConfigurationProperties("postfordeling.routing")
public record RoutingProperties(
        @NotNull Path blobStoreDir,
        @NotBlank String senderAddress,
        @NotNull Map<String, DestinationProperties> destinations,
        @DefaultValue("5") @Min(1) int maxAttempts,
        @DefaultValue("5s") Duration retryBackoff,
        @DefaultValue("250ms") Duration pollInterval,
        List<ReviewRuleProperties> alwaysReview,
        @DefaultValue("true") boolean trustMemoKle,
        @DefaultValue("8") @Min(1) int dispatchWorkers) {

    /**
     * A rule that always sends matching mail to a person.
     *
     * @param name        shown to staff as the reason, e.g. {@code aktindsigt}
     * @param terms       words or phrases; a word of the mail that starts with a term matches
     *                    (so "klage" also matches "klagen", "aktindsigt" also "aktindsigtsanmodning")
     * @param requiresCpr the rule only applies to mail in which a CPR number was found
     */
    public record ReviewRuleProperties(String name, List<String> terms, boolean requiresCpr) {
    }


    /**
     * One entry of the routing table.
     *
     * @param type            a {@link DestinationKind}'s name ({@code FUNCTION_MAILBOX}, {@code F2},
     *                        {@code SBSYS}, {@code GET_ORGANIZED}) or {@code REVIEW} (always a person)
     * @param address         e-mail address of the function mailbox
     * @param caseId          the case to file in, for an ESDH destination
     * @param targetPrecision a stricter confidence bar for this destination (e.g. 0.99 for children
     *                        and family matters); the calibrated confidence must reach it
     */
    public record DestinationProperties(String type, String address, String caseId, Double targetPrecision) {
    }
}
