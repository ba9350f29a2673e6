package it.ponte.remote;

import java.time.Duration;

/**
 * A failed call to a remote (Amazon, Mailchimp), as the remote described it. The exceptions of each remote
 * implement it, so that one classifier ({@link FailurePolicy}) reads them all.
 */
public interface RemoteFailure {

    /** "amazon", "mailchimp": the name of the remote's circuit breaker too. */
    String remote();

    FailureClass failureClass();

    /** The remote's reason, without secrets: what the merchant reads in the outbox and the report. */
    String reason();

    /** How long the remote asked us to wait (Retry-After, the known rate after a 429), or null. */
    default Duration retryAfter() {
        return null;
    }
}
