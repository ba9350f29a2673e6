package it.ponte.sandbox.faults;

/**
 * The ways a simulated remote misbehaves at random ({@link RandomFaults}). The first five answer before the request is
 * carried out; the last three carry it out and spoil the answer, so a client that tries again meets its own earlier
 * request already done (the case exactly-once is about).
 */
public enum RandomFaultKind {
    /** 429 without Retry-After. */
    TOO_MANY_REQUESTS,
    /** 429 with Retry-After. */
    TOO_MANY_REQUESTS_RETRY_AFTER,
    /** 500. */
    SERVER_ERROR,
    /** 503. */
    UNAVAILABLE,
    /** The connection closes in the middle of the answer's headers and body; nothing was carried out. */
    CONNECTION_RESET,
    /** Carried out, then the answer comes later than the client waits (its read timeout). */
    READ_TIMEOUT,
    /** Carried out; the 2xx JSON answer is cut in half (a complete HTTP message whose JSON ends early). */
    TRUNCATED_JSON,
    /** Carried out; one field of the 2xx JSON answer has the wrong JSON type (a text becomes an object, a number a text). */
    WRONG_TYPE;

    /** Whether the request is carried out before the fault spoils its answer. */
    public boolean carriedOut() {
        return this == READ_TIMEOUT || this == TRUNCATED_JSON || this == WRONG_TYPE;
    }
}
