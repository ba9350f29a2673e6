package it.ponte.sandbox.amazon;

import java.time.Instant;
import java.util.List;

/**
 * A cancellation the simulated Amazon accepted from an order acknowledgement feed. {@code wholeOrder} is false when
 * the message named only some of the order's items: those are cancelled, the order goes on.
 */
public record SandboxCancellation(String orderId, String feedId, int messageId, List<CancelledItem> items, boolean wholeOrder, Instant at) {

    public SandboxCancellation {
        items = List.copyOf(items);
    }

    public record CancelledItem(String orderItemId, String cancelReason) {
    }
}
