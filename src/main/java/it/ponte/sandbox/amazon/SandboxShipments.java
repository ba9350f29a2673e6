package it.ponte.sandbox.amazon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code confirmShipment} of the simulated Amazon: the package must fit the seller's order (its marketplace, its
 * items, no more than ordered), the order must be payable and not cancelled. An accepted confirmation is kept and
 * moves the order to SHIPPED, or to PARTIALLY_SHIPPED while some ordered units have not been confirmed yet. The same
 * {@code packageReferenceId} again edits that package instead of adding one. Switches: an order Amazon will not let the
 * seller confirm (a Ship+ order: 400 with the reason), and an accepted confirmation whose answer is lost (503 after it
 * was applied), so a client's retry meets its own package.
 */
@Component
@Profile("sandbox")
public class SandboxShipments {

    private final SandboxOrderStore store;
    private final SandboxOrderActivity activity;
    private final AmazonSandboxClock clock;
    private final ConfirmShipmentReader reader;
    private final Map<String, String> refusedOrders = new ConcurrentHashMap<>();
    private final Set<String> lostAnswers = ConcurrentHashMap.newKeySet();

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
        String refusal = refusedOrders.get(orderId);
        if (refusal != null) {
            throw SpApiException.invalidInput(refusal);
        }
        checkItems(order, confirmation.orderItems(), confirmation.packageReferenceId());
        ShipmentConfirmation accepted = confirmation.receivedAt(clock.now());
        activity.shipped(accepted);
        FulfillmentStatus next = fullyConfirmed(order) ? FulfillmentStatus.SHIPPED : FulfillmentStatus.PARTIALLY_SHIPPED;
        store.changeStatus(orderId, next, order.nextUpdateTime(clock.now()));
        if (lostAnswers.remove(orderId)) {
            throw new SpApiException(503, AmazonErrors.forStatus(503));
        }
        return accepted;
    }

    /** A Ship+ order (or any Amazon will not let the seller confirm): every confirmShipment of it answers 400 with this reason. */
    public void refuseShipmentsOf(String orderId, String reason) {
        refusedOrders.put(orderId, reason);
    }

    /** A Ship+ order, with the words Amazon uses for it. */
    public void shipPlus(String orderId) {
        refuseShipmentsOf(orderId, "Order " + orderId + " is a Ship+ order: its shipment is confirmed through Amazon's carrier "
                + "integration, not by confirmShipment.");
    }

    /** The next confirmation of the order is applied, but its answer is a 503, as when a response is lost on the way back. */
    public void loseNextAnswer(String orderId) {
        lostAnswers.add(orderId);
    }

    public void clear() {
        refusedOrders.clear();
        lostAnswers.clear();
    }

    /** The units of this package, with those of the order's other packages (a package sent again replaces itself). */
    private void checkItems(SandboxOrder order, List<ShipmentConfirmation.Item> items, String packageReferenceId) {
        Map<String, Integer> perItem = new HashMap<>();
        for (ShipmentConfirmation other : activity.shipmentsOf(order.orderId())) {
            if (!other.packageReferenceId().equals(packageReferenceId)) {
                other.orderItems().forEach(i -> perItem.merge(i.orderItemId(), i.quantity(), Integer::sum));
            }
        }
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
