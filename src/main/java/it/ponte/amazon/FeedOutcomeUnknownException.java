package it.ponte.amazon;

import it.ponte.remote.FailureClass;

/**
 * createFeed went out and no readable answer came back (a 5xx, a timeout, a connection lost, an answer cut short):
 * Amazon may have created the feed. createFeed is not idempotent, so this is never redelivered: the feed's commands
 * wait as an unconfirmed feed until a {@code getFeeds} tells whether it exists ({@code AmazonOutbound#reconcile}).
 */
public class FeedOutcomeUnknownException extends SpApiException {

    public FeedOutcomeUnknownException(String accountId, int status, String message, Throwable cause) {
        super(accountId, SpApiOperation.CREATE_FEED.operationId(), status, "OutcomeUnknown", message, FailureClass.PERMANENT, null, cause);
    }
}
