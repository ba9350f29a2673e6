package it.ponte.sandbox.amazon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order of the simulated Amazon, with everything it knows, whatever a given caller may be shown. */
public record SandboxOrder(
        String sellerId,
        String orderId,
        FulfillmentStatus status,
        FulfilledBy fulfilledBy,
        String marketplaceId,
        String currency,
        Instant createdTime,
        Instant lastUpdatedTime,
        String buyerName,
        String buyerEmail,
        SandboxAddress shipTo,
        List<SandboxOrderItem> items,
        BigDecimal shippingAmount) {

    public SandboxOrder {
        items = List.copyOf(items);
    }

    public SandboxOrder withStatus(FulfillmentStatus newStatus, Instant updatedAt) {
        return new SandboxOrder(sellerId, orderId, newStatus, fulfilledBy, marketplaceId, currency, createdTime, updatedAt,
                buyerName, buyerEmail, shipTo, items, shippingAmount);
    }

    public BigDecimal itemsTotal() {
        return items.stream().map(SandboxOrderItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Personal data goes out only for merchant-fulfilled orders the merchant has to ship. */
    public boolean revealsBuyer() {
        return fulfilledBy == FulfilledBy.MERCHANT && status.revealsBuyer();
    }
}
