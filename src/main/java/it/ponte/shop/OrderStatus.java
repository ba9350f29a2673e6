package it.ponte.shop;

/**
 * Where a shop order stands towards the ERP. Web orders follow their ERP document
 * (STORED → DELIVERED → INVOICED, or CANCELLED); PAYMENT_UNCONFIRMED never leaves the shop.
 */
public enum OrderStatus {
    /** "Pagamento non confermato": stays in the shop, never goes to the ERP (nor to Mailchimp). */
    PAYMENT_UNCONFIRMED,
    /** In the shop, waiting for the ERP insert. */
    REGISTERED,
    /** "Memorizzato": the ERP holds its document. */
    STORED,
    /** "Bollato": delivery note issued. */
    DELIVERED,
    /** "Fatturato": invoiced. */
    INVOICED,
    /** "Annullato". */
    CANCELLED
}
