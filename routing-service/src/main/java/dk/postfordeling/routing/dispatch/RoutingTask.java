package dk.postfordeling.routing.dispatch;

import dk.postfordeling.contracts.MailClassified;

/**
 * A classified mail waiting to be delivered or queued for review.
 *
 * @param classified the classifier's message
 * @param attempts   delivery attempts so far
 */
public record RoutingTask(MailClassified classified, int attempts) {
}
