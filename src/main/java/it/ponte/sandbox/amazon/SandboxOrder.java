package it.ponte.sandbox.amazon;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

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
        BigDecimal shippingAmount,
        List<String> programs,
        SandboxBusinessBuyer business,
        SandboxCharges charges) {

    public SandboxOrder {
        items = List.copyOf(items);
        programs = programs == null ? List.of() : List.copyOf(programs);
        charges = charges == null ? SandboxCharges.NONE : charges;
    }

    public SandboxOrder withStatus(FulfillmentStatus newStatus, Instant updatedAt) {
        return new SandboxOrder(sellerId, orderId, newStatus, fulfilledBy, marketplaceId, currency, createdTime, updatedAt,
                buyerName, buyerEmail, shipTo, items, shippingAmount, programs, business, charges);
    }

    /** When a change made at {@code now} is stamped: whole seconds, and always after the last one, so importers see it. */
    public Instant nextUpdateTime(Instant now) {
        Instant candidate = now.truncatedTo(ChronoUnit.SECONDS);
        return candidate.isAfter(lastUpdatedTime) ? candidate : lastUpdatedTime.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    public Optional<SandboxOrderItem> item(String orderItemId) {
        return items.stream().filter(i -> i.orderItemId().equals(orderItemId)).findFirst();
    }

    /** What the buyer pays, VAT included: items, shipping, gift wrap and tip, less the discount. */
    public BigDecimal grandTotal() {
        return itemsTotal().add(shippingAmount).add(charges.giftWrap()).add(charges.deliveryTip()).subtract(charges.discount());
    }

    public BigDecimal itemsTotal() {
        return items.stream().map(SandboxOrderItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Personal data goes out only for merchant-fulfilled orders the merchant has to ship. */
    public boolean revealsBuyer() {
        return fulfilledBy == FulfilledBy.MERCHANT && status.revealsBuyer();
    }
}
