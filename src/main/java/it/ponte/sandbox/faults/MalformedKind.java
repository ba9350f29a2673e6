package it.ponte.sandbox.faults;

/**
 * The ways a simulated remote answers badly on purpose ({@link MalformedAnswers}): the request is carried out, then
 * its answer is spoiled, so a client meets both the bad answer and its own request done.
 */
public enum MalformedKind {
    /** The named field is left out of the 2xx JSON answer. */
    MISSING_FIELD,
    /** The named field is null (an object or a value expected). */
    NULL_FIELD,
    /** The named field has another JSON type: a text becomes an object, anything else a text. */
    WRONG_TYPE,
    /** Status 200 with an HTML page instead of JSON (a proxy's or a gateway's page). */
    HTML,
    /** Status 200 with an empty body. */
    EMPTY,
    /** Status 200, the real answer preceded by a padding field of {@code size} bytes (chunked, no Content-Length). */
    HUGE_BODY
}
