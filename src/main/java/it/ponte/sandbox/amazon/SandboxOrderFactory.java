package it.ponte.sandbox.amazon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Completes a {@link NewOrder} with the defaults and generated ids Amazon would give it. */
@Component
@Profile("sandbox")
public class SandboxOrderFactory {

    public static final String MARKETPLACE_IT = "APJ6JRA9NG5V4";

    private final SandboxSellers sellers;
    private final AmazonSandboxClock clock;

    public SandboxOrderFactory(SandboxSellers sellers, AmazonSandboxClock clock) {
        this.sellers = sellers;
        this.clock = clock;
    }

    public SandboxOrder create(NewOrder order) {
        if (order.items() == null || order.items().isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one item");
        }
        String sellerId = order.sellerId() == null ? sellers.defaultSeller().sellerId() : order.sellerId();
        if (!sellers.isKnown(sellerId)) {
            throw new IllegalArgumentException("unknown seller " + sellerId);
        }
        if (order.orderId() != null && !order.orderId().matches(AmazonIds.ORDER_ID_PATTERN)) {
            throw new IllegalArgumentException("orderId must look like 403-1234567-1234567, not " + order.orderId());
        }
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        Instant created = order.createdTime() == null ? now : order.createdTime();
        Instant updated = order.lastUpdatedTime() == null ? (order.createdTime() == null ? now : created) : order.lastUpdatedTime();
        if (updated.isBefore(created)) {
            throw new IllegalArgumentException("lastUpdatedTime is before createdTime");
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<SandboxOrderItem> items = order.items().stream().map(i -> item(i, random)).toList();
        return new SandboxOrder(sellerId,
                order.orderId() == null ? AmazonIds.orderId(random) : order.orderId(),
                order.status() == null ? FulfillmentStatus.UNSHIPPED : order.status(),
                order.fulfilledBy() == null ? FulfilledBy.MERCHANT : order.fulfilledBy(),
                order.marketplaceId() == null ? MARKETPLACE_IT : order.marketplaceId(),
                "EUR", created, updated,
                // Amazon shows every business buyer under one shared name and e-mail
                order.business() != null ? SandboxBusinessBuyer.SHARED_NAME : order.buyerName(),
                order.business() != null ? SandboxBusinessBuyer.SHARED_EMAIL : order.buyerEmail(), order.shipTo(), items,
                money(order.shippingAmount() == null ? BigDecimal.ZERO : order.shippingAmount()),
                order.programs(), order.business(), order.charges());
    }

    private static SandboxOrderItem item(NewOrder.Item item, ThreadLocalRandom random) {
        if (item.sku() == null || item.sku().isBlank() || item.quantity() < 1 || item.unitPrice() == null) {
            throw new IllegalArgumentException("every item needs a sku, a quantity of at least 1 and a unitPrice");
        }
        return new SandboxOrderItem(
                item.orderItemId() == null ? AmazonIds.orderItemId(random) : item.orderItemId(),
                item.sku(),
                item.asin() == null ? AmazonIds.asinFor(item.sku()) : item.asin(),
                item.title() == null ? item.sku() : item.title(),
                item.quantity(), money(item.unitPrice()));
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
