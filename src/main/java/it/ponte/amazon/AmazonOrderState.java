package it.ponte.amazon;

import java.util.EnumSet;
import java.util.Set;

/**
 * The eight states of an Amazon order in the shop (seed 001). A PENDING_* state means "done on our side,
 * not yet told to Amazon"; the next run tells Amazon and moves the order on.
 */
public enum AmazonOrderState {
    /** "Registrato": imported from Amazon, not yet in the ERP. */
    REGISTERED,
    /** "Memorizzato": inserted into the ERP. */
    STORED,
    /** "In attesa di annullamento". */
    PENDING_CANCELLATION,
    /** "Annullato": Amazon accepted the cancellation. */
    CANCELLED,
    /** "In attesa di spedizione". */
    PENDING_SHIPMENT,
    /** "Spedito": Amazon accepted the shipment confirmation. */
    SHIPPED,
    /** "In attesa di rimborso". */
    PENDING_REFUND,
    /** "Rimborsato": Amazon accepted the refund. */
    REFUNDED;

    static {
        REGISTERED.next = EnumSet.of(STORED);
        STORED.next = EnumSet.of(PENDING_CANCELLATION, PENDING_SHIPMENT);
        PENDING_CANCELLATION.next = EnumSet.of(CANCELLED);
        CANCELLED.next = EnumSet.noneOf(AmazonOrderState.class);
        PENDING_SHIPMENT.next = EnumSet.of(SHIPPED);
        SHIPPED.next = EnumSet.of(PENDING_REFUND);
        PENDING_REFUND.next = EnumSet.of(REFUNDED);
        REFUNDED.next = EnumSet.noneOf(AmazonOrderState.class);
    }

    private EnumSet<AmazonOrderState> next;

    public boolean canMoveTo(AmazonOrderState target) {
        return next.contains(target);
    }

    public Set<AmazonOrderState> allowedNext() {
        return EnumSet.copyOf(next);
    }
}
