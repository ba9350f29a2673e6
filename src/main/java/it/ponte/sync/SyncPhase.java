package it.ponte.sync;

/** The phases of a run, in order. */
public enum SyncPhase {
    AMAZON_POLL,
    ERP_INSERT,
    STATE_DIFF,
    AMAZON_OUTBOUND,
    MAILCHIMP,
    REPORT
}
