package it.ponte.security;

/** Who may do what: each role may also do everything of the roles below it. */
public enum Role {
    /** Reads runs, orders, accounts, parked records. */
    VIEWER,
    /** Also starts runs and manual syncs, retries parked records. */
    OPERATOR,
    /** Also acts on Amazon orders (Annulla, Spedizione, Rimborso), sees the effective configuration and actuator. */
    ADMIN
}
