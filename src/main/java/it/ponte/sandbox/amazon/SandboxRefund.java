package it.ponte.sandbox.amazon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A refund the simulated Amazon accepted from a payment adjustment feed: which feed message, which items, how much. */
public record SandboxRefund(String orderId, String feedId, int messageId, List<AdjustedItem> items, Instant at) {

    public SandboxRefund {
        items = List.copyOf(items);
    }

    public record AdjustedItem(String orderItemId, String adjustmentReason, List<Component> components) {

        public AdjustedItem {
            components = List.copyOf(components);
        }
    }

    /** One price component given back, e.g. Principal 24.50 EUR. */
    public record Component(String type, BigDecimal amount, String currency) {
    }

    public BigDecimal total() {
        return items.stream().flatMap(i -> i.components().stream()).map(Component::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
