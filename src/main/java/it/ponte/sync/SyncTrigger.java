package it.ponte.sync;

/** Who started a run. */
public enum SyncTrigger {
    SCHEDULE,
    REST,
    JMX,
    /** "Sincro Ordini" of one Amazon account: its partial sync is outside the contract quota. */
    ACCOUNT_ORDER_SYNC,
    /** An Amazon account's own import schedule. */
    ACCOUNT_SCHEDULE
}
