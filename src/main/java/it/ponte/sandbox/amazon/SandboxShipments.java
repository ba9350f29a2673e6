package it.ponte.sandbox.amazon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code confirmShipment} of the simulated Amazon: the package must fit the seller's order (its marketplace, its
 * items, no more than ordered), the order must be payable and not cancelled. An accepted confirmation is kept and
 * moves the order to SHIPPED, or to PARTIALLY_SHIPPED while some ordered units have not been confirmed yet.
 */
@Component
@Profile("sandbox")
public class SandboxShipments {

    private final SandboxOrderStore store;
    private final SandboxOrderActivity activity;
    private final AmazonSandboxClock clock;
    private final ConfirmShipmentReader reader;

    public SandboxShipments(SandboxOrderStore store, SandboxOrderActivity activity, AmazonSandboxClock clock, ObjectMapper json) {
        this.store = store;
        this.activity = activity;
        this.clock = clock;
        this.reader = new ConfirmShipmentReader(json);
    }

    /** Confirms the package described by the JSON {@code body}; throws the {@link SpApiException} Amazon would answer. */
    public synchronized ShipmentConfirmation confirm(String sellerId, String orderId, String body) {
        SandboxOrder order = store.find(sellerId, orderId)
                .orElseThrow(() -> SpApiException.notFound("Order " + orderId + " was not found for this seller."));
        ShipmentConfirmation confirmation = reader.read(orderId, body);
        if (order.status() == FulfillmentStatus.CANCELLED) {
            throw SpApiException.invalidInput("Order " + orderId + " is cancelled: its shipment cannot be confirmed.");
        }
        if (order.status().isPending()) {
            throw SpApiException.invalidInput("Order " + orderId + " is " + order.status() + ": it cannot be shipped before payment.");
        }
        if (!order.marketplaceId().equals(confirmation.marketplaceId())) {
            throw SpApiException.invalidInput("marketplaceId " + confirmation.marketplaceId() + " is not the marketplace of order "
                    + orderId + " (" + order.marketplaceId() + ").");
        }
        checkItems(order, confirmation.orderItems());
        ShipmentConfirmation accepted = confirmation.receivedAt(clock.now());
        activity.shipped(accepted);
        FulfillmentStatus next = fullyConfirmed(order) ? FulfillmentStatus.SHIPPED : FulfillmentStatus.PARTIALLY_SHIPPED;
        store.changeStatus(orderId, next, order.nextUpdateTime(clock.now()));
        return accepted;
    }

    private static void checkItems(SandboxOrder order, List<ShipmentConfirmation.Item> items) {
        Map<String, Integer> perItem = new HashMap<>();
        for (ShipmentConfirmation.Item item : items) {
            SandboxOrderItem ordered = order.item(item.orderItemId()).orElseThrow(() -> SpApiException.invalidInput(
                    "orderItemId " + item.orderItemId() + " is not an item of order " + order.orderId() + "."));
            int quantity = perItem.merge(item.orderItemId(), item.quantity(), Integer::sum);
            if (quantity > ordered.quantity()) {
                throw SpApiException.invalidInput("quantity " + quantity + " of orderItemId " + item.orderItemId()
                        + " exceeds the " + ordered.quantity() + " ordered.");
            }
        }
    }

    /** True when every ordered unit has been in some accepted package. */
    private boolean fullyConfirmed(SandboxOrder order) {
        Map<String, Integer> shipped = new HashMap<>();
        for (ShipmentConfirmation c : activity.shipmentsOf(order.orderId())) {
            c.orderItems().forEach(i -> shipped.merge(i.orderItemId(), i.quantity(), Integer::sum));
        }
        return order.items().stream().allMatch(i -> shipped.getOrDefault(i.orderItemId(), 0) >= i.quantity());
    }
}
