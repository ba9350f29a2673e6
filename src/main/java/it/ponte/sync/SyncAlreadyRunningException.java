package it.ponte.sync;

/** A run was asked for while another one holds the lock. */
public class SyncAlreadyRunningException extends RuntimeException {

    private final Long runningRunId;

    public SyncAlreadyRunningException(Long runningRunId) {
        this(runningRunId, "Una sincronizzazione");
    }

    /** {@code what}: the kind of run in progress, as the merchant calls it ("La sincro manuale Mailchimp dei clienti"). */
    public SyncAlreadyRunningException(Long runningRunId, String what) {
        super(what + " è già in corso" + (runningRunId == null ? "" : " (run " + runningRunId + ")")
                + ": attendere la sua conclusione.");
        this.runningRunId = runningRunId;
    }

    public Long runningRunId() {
        return runningRunId;
    }
}
