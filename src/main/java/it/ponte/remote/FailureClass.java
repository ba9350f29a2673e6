package it.ponte.remote;

/**
 * The classes of failure of Ponte's one failure policy (README, "Failure policy"). Each has its own
 * {@code routeConfiguration} in {@code routes/failure-policy.camel.yaml}.
 */
public enum FailureClass {
    /** 429, 5xx, timeouts, resets, Mailchimp's gateway 403: redelivered with backoff; never counts toward parking. */
    TRANSIENT,
    /** Other 4xx, refused credentials, an answer that cannot be read: no retry; the record is refused with the remote's reason. */
    PERMANENT,
    /** The remote's circuit breaker is open: the phase stops calling it for the rest of the run. */
    REMOTE_DOWN,
    /** Anything else about one record (a bug, a malformed field): that record fails, the run goes on and ends PARTIAL. */
    UNEXPECTED,
    /** Ponte's own database is unreachable: the run cannot go on and ends FAILED. */
    OWN_DATABASE;

    /** Whether a failure of this class counts as a refusal toward parking the record. */
    public boolean countsTowardParking() {
        return this == PERMANENT || this == UNEXPECTED;
    }
}
