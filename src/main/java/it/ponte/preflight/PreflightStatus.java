package it.ponte.preflight;

/** How one piece of the configuration stands before go-live. */
public enum PreflightStatus {
    /** In place and answering. */
    OK,
    /** Not there, or refused: something for the merchant to set up or fix (the message says what). */
    MISSING,
    /** There, but it did not answer now (down, unreachable, an error on its side). */
    FAILED,
    /** Cannot be seen from here now (no API for it, no order to look at, no rate budget to spend): the message says why. */
    NOT_VERIFIABLE
}
