package it.ponte.sandbox.amazon;

import java.time.Instant;
import java.util.List;

/** A {@code confirmShipment} the simulated Amazon accepted: one package of an order, as the seller described it. */
public record ShipmentConfirmation(
        String orderId,
        String marketplaceId,
        String packageReferenceId,
        String carrierCode,
        String carrierName,
        String shippingMethod,
        String trackingNumber,
        Instant shipDate,
        List<Item> orderItems,
        Instant receivedAt) {

    public ShipmentConfirmation {
        orderItems = List.copyOf(orderItems);
    }

    public record Item(String orderItemId, int quantity) {
    }

    public ShipmentConfirmation receivedAt(Instant at) {
        return new ShipmentConfirmation(orderId, marketplaceId, packageReferenceId, carrierCode, carrierName, shippingMethod,
                trackingNumber, shipDate, orderItems, at);
    }
}
