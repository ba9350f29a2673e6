package it.ponte.amazon;

/** What Ponte owes Amazon for an order, and the state each one leads to once Amazon accepted it. */
public enum OutboundKind {
    SHIPMENT(AmazonOrderState.PENDING_SHIPMENT, AmazonOrderState.SHIPPED),
    CANCEL(AmazonOrderState.PENDING_CANCELLATION, AmazonOrderState.CANCELLED),
    REFUND(AmazonOrderState.PENDING_REFUND, AmazonOrderState.REFUNDED);

    private final AmazonOrderState pending;
    private final AmazonOrderState done;

    OutboundKind(AmazonOrderState pending, AmazonOrderState done) {
        this.pending = pending;
        this.done = done;
    }

    public AmazonOrderState pending() {
        return pending;
    }

    public AmazonOrderState done() {
        return done;
    }
}
