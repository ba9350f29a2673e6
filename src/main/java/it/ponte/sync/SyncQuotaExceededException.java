package it.ponte.sync;

/** A counted run was asked for beyond the contract's monthly quota. */
public class SyncQuotaExceededException extends RuntimeException {

    public SyncQuotaExceededException(int used, int quota) {
        super("Monte sincronizzazioni da contratto esaurito: " + used + " di " + quota
                + " sincronizzazioni usate questo mese (ponte.sync.quota-per-month).");
    }
}
