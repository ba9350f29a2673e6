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
    CANCELLED;

    /** Whether an order may follow its ERP document from this status to {@code target}. */
    public boolean canFollowErpTo(OrderStatus target) {
        return switch (this) {
            case STORED -> target == DELIVERED || target == INVOICED || target == CANCELLED;
            case DELIVERED -> target == INVOICED || target == CANCELLED;
            default -> false;
        };
    }
}
