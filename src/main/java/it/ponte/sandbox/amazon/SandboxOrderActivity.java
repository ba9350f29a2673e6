package it.ponte.sandbox.amazon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What sellers did to each order after it was placed (shipments confirmed, cancellations and refunds accepted),
 * oldest first, kept so tests and the admin API can see, for instance, a refund sent twice.
 */
@Component
@Profile("sandbox")
public class SandboxOrderActivity {

    private final Map<String, List<ShipmentConfirmation>> shipments = new ConcurrentHashMap<>();
    private final Map<String, List<SandboxCancellation>> cancellations = new ConcurrentHashMap<>();
    private final Map<String, List<SandboxRefund>> refunds = new ConcurrentHashMap<>();

    /** A package confirmed; the same packageReferenceId again edits that package instead of adding one, as on Amazon. */
    public void shipped(ShipmentConfirmation confirmation) {
        shipments.compute(confirmation.orderId(), (id, list) -> {
            List<ShipmentConfirmation> updated = list == null ? new ArrayList<>() : new ArrayList<>(list);
            updated.removeIf(c -> c.packageReferenceId().equals(confirmation.packageReferenceId()));
            updated.add(confirmation);
            return List.copyOf(updated);
        });
    }

    public void cancelled(SandboxCancellation cancellation) {
        append(cancellations, cancellation.orderId(), cancellation);
    }

    public void refunded(SandboxRefund refund) {
        append(refunds, refund.orderId(), refund);
    }

    public List<ShipmentConfirmation> shipmentsOf(String orderId) {
        return copy(shipments, orderId);
    }

    public List<SandboxCancellation> cancellationsOf(String orderId) {
        return copy(cancellations, orderId);
    }

    public List<SandboxRefund> refundsOf(String orderId) {
        return copy(refunds, orderId);
    }

    public void clear() {
        shipments.clear();
        cancellations.clear();
        refunds.clear();
    }

    private static <T> void append(Map<String, List<T>> map, String orderId, T value) {
        map.compute(orderId, (id, list) -> {
            List<T> updated = list == null ? new ArrayList<>() : new ArrayList<>(list);
            updated.add(value);
            return List.copyOf(updated);
        });
    }

    private static <T> List<T> copy(Map<String, List<T>> map, String orderId) {
        return map.getOrDefault(orderId, List.of());
    }
}
