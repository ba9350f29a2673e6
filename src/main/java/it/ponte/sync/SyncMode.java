package it.ponte.sync;

/** "Totale", "per Variati", "Parziale" — plus the Amazon import an account's own schedule runs alone. */
public enum SyncMode {
    /** Re-reads everything. */
    TOTAL,
    /** Only what changed since the previous run. */
    CHANGED,
    /** Amazon poll and ERP insert of new orders (and carts) only. */
    PARTIAL,
    /** One account's Amazon poll on its own schedule: not a shop–ERP sync, never counted. */
    IMPORT,
    /** A Mailchimp manual sync (customers, products or the order history, the run's scope): not a shop–ERP sync, never counted. */
    MAILCHIMP
}
