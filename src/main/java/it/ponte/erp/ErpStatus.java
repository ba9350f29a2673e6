package it.ponte.erp;

/** A document's state in the ERP: "Memorizzato", "Bollato", "Fatturato", "Annullato". */
public enum ErpStatus {
    STORED,
    DELIVERED,
    INVOICED,
    CANCELLED
}
