package dk.postfordeling.routing.dispatch;

import dk.postfordeling.contracts.MailClassified;

/**
 * A classified mail waiting to be delivered or queued for review.
 *
 * @param classified the classifier's message
 * @param attempts   delivery attempts so far
 * @param overrideLabel the label a reviewer chose, which replaces the model's decision; {@code null}: none
 * @param reviewer   the reviewer who chose it (pseudonymous id)
 */
public record RoutingTask(MailClassified classified, int attempts, String overrideLabel, String reviewer) {
}
