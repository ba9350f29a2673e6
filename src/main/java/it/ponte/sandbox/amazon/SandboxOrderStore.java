package it.ponte.sandbox.amazon;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The simulated Amazon's orders, in memory, per seller. */
@Component
@Profile("sandbox")
public class SandboxOrderStore {

    private final Map<String, Map<String, SandboxOrder>> bySeller = new ConcurrentHashMap<>();

    public SandboxOrder put(SandboxOrder order) {
        bySeller.computeIfAbsent(order.sellerId(), s -> new ConcurrentHashMap<>()).put(order.orderId(), order);
        return order;
    }

    public Optional<SandboxOrder> find(String sellerId, String orderId) {
        return Optional.ofNullable(bySeller.getOrDefault(sellerId, Map.of()).get(orderId));
    }

    /** Looks an order up in any seller's store: admin calls name the order only. */
    public Optional<SandboxOrder> find(String orderId) {
        return bySeller.values().stream().map(m -> m.get(orderId)).filter(o -> o != null).findFirst();
    }

    public List<SandboxOrder> ofSeller(String sellerId) {
        return List.copyOf(bySeller.getOrDefault(sellerId, Map.of()).values());
    }

    public List<SandboxOrder> all() {
        return bySeller.values().stream().flatMap(m -> m.values().stream())
                .sorted(Comparator.comparing(SandboxOrder::createdTime).thenComparing(SandboxOrder::orderId))
                .toList();
    }

    /** Atomically moves an order to a new status; empty when there is no such order. */
    public Optional<SandboxOrder> changeStatus(String orderId, FulfillmentStatus status, Instant updatedAt) {
        for (Map<String, SandboxOrder> orders : bySeller.values()) {
            SandboxOrder changed = orders.computeIfPresent(orderId, (id, order) -> order.withStatus(status, updatedAt));
            if (changed != null) {
                return Optional.of(changed);
            }
        }
        return Optional.empty();
    }

    public void clear() {
        bySeller.clear();
    }
}
