package it.ponte.sandbox.amazon;

/** The order statuses of Orders 2026-01-01. */
public enum FulfillmentStatus {
    PENDING_AVAILABILITY, PENDING, UNSHIPPED, PARTIALLY_SHIPPED, SHIPPED, CANCELLED, UNFULFILLABLE;

    /** Amazon reveals the buyer's e-mail and the ship-to address only once the merchant has to ship. */
    public boolean revealsBuyer() {
        return this == UNSHIPPED || this == PARTIALLY_SHIPPED || this == SHIPPED;
    }

    /** Orders still waiting for payment authorisation may have no prices yet. */
    public boolean isPending() {
        return this == PENDING || this == PENDING_AVAILABILITY;
    }
}
