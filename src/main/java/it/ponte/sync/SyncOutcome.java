package it.ponte.sync;

public enum SyncOutcome {
    SUCCEEDED,
    /** Finished, but some work failed and stays owed to the next run. */
    PARTIAL,
    FAILED
}
