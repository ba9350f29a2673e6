package it.ponte.sync;

/** A run was asked for while another one holds the lock. */
public class SyncAlreadyRunningException extends RuntimeException {

    private final Long runningRunId;

    public SyncAlreadyRunningException(Long runningRunId) {
        super("Una sincronizzazione è già in corso" + (runningRunId == null ? "" : " (run " + runningRunId + ")")
                + ": attendere la sua conclusione.");
        this.runningRunId = runningRunId;
    }

    public Long runningRunId() {
        return runningRunId;
    }
}
