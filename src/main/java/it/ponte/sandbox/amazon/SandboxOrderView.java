package it.ponte.sandbox.amazon;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** An order as the admin API shows it: the order's own fields, and what the seller did to it since. */
public record SandboxOrderView(@JsonUnwrapped SandboxOrder order, List<ShipmentConfirmation> shipments,
                               List<SandboxCancellation> cancellations, List<SandboxRefund> refunds) {

    static SandboxOrderView of(SandboxOrder order, SandboxOrderActivity activity) {
        return new SandboxOrderView(order, activity.shipmentsOf(order.orderId()), activity.cancellationsOf(order.orderId()),
                activity.refundsOf(order.orderId()));
    }
}
