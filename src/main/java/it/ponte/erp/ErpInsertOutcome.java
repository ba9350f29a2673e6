package it.ponte.erp;

/** What the ERP insert of one shop order did. */
public record ErpInsertOutcome(long shopOrderId, String amazonOrderId, Kind kind, String documentNumber, String error) {

    public enum Kind {
        STORED,
        ALREADY_STORED,
        SKIPPED,
        FAILED
    }
}
