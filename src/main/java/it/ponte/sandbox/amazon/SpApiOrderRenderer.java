package it.ponte.sandbox.amazon;

import it.ponte.sandbox.amazon.SpApiOrderModel.Buyer;
import it.ponte.sandbox.amazon.SpApiOrderModel.CustomerAddress;
import it.ponte.sandbox.amazon.SpApiOrderModel.ItemFulfillment;
import it.ponte.sandbox.amazon.SpApiOrderModel.ItemPrice;
import it.ponte.sandbox.amazon.SpApiOrderModel.ItemProceeds;
import it.ponte.sandbox.amazon.SpApiOrderModel.ItemProduct;
import it.ponte.sandbox.amazon.SpApiOrderModel.Money;
import it.ponte.sandbox.amazon.SpApiOrderModel.Order;
import it.ponte.sandbox.amazon.SpApiOrderModel.OrderFulfillment;
import it.ponte.sandbox.amazon.SpApiOrderModel.OrderItem;
import it.ponte.sandbox.amazon.SpApiOrderModel.OrderProceeds;
import it.ponte.sandbox.amazon.SpApiOrderModel.ProceedsBreakdown;
import it.ponte.sandbox.amazon.SpApiOrderModel.Recipient;
import it.ponte.sandbox.amazon.SpApiOrderModel.SalesChannel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Shows an order the way Amazon would to this caller: only the datasets asked for, personal data only where
 * Amazon releases it (merchant-fulfilled and due to ship), no prices while the order is pending.
 */
final class SpApiOrderRenderer {

    private SpApiOrderRenderer() {
    }

    static Order render(SandboxOrder o, Set<IncludedData> included) {
        boolean priced = !o.status().isPending();
        boolean pii = o.revealsBuyer();
        List<OrderItem> items = new ArrayList<>();
        for (int i = 0; i < o.items().size(); i++) {
            SandboxOrderItem item = o.items().get(i);
            // Amazon books the whole shipping charge on one row; the first keeps the sums simple.
            BigDecimal shipping = i == 0 ? o.shippingAmount() : BigDecimal.ZERO;
            items.add(new OrderItem(item.orderItemId(), item.quantity(),
                    new ItemProduct(item.asin(), item.title(), item.sku(),
                            priced ? new ItemPrice(money(item.unitPrice(), o.currency())) : null),
                    priced && included.contains(IncludedData.PROCEEDS) ? itemProceeds(item, shipping, o.currency()) : null,
                    included.contains(IncludedData.FULFILLMENT) ? itemFulfillment(o, item) : null));
        }
        return new Order(o.orderId(), timestamp(o.createdTime()), timestamp(o.lastUpdatedTime()), salesChannel(o),
                pii && included.contains(IncludedData.BUYER) ? new Buyer(o.buyerName(), o.buyerEmail()) : null,
                pii && included.contains(IncludedData.RECIPIENT) && o.shipTo() != null ? recipient(o.shipTo()) : null,
                priced && included.contains(IncludedData.PROCEEDS) ? orderProceeds(o) : null,
                included.contains(IncludedData.FULFILLMENT)
                        ? new OrderFulfillment(o.status().name(), o.fulfilledBy().name(), "Standard") : null,
                items);
    }

    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static SalesChannel salesChannel(SandboxOrder o) {
        boolean italy = SandboxOrderFactory.MARKETPLACE_IT.equals(o.marketplaceId());
        return new SalesChannel(italy ? "Amazon.it" : "Amazon", o.marketplaceId(), italy ? "Amazon.it" : o.marketplaceId());
    }

    private static Recipient recipient(SandboxAddress a) {
        return new Recipient(new CustomerAddress(a.name(), a.line1(), a.line2(), a.city(), a.province(), a.postalCode(),
                a.countryCode() == null ? "IT" : a.countryCode(), a.phone(), "RESIDENTIAL"));
    }

    private static OrderProceeds orderProceeds(SandboxOrder o) {
        List<ProceedsBreakdown> breakdowns = new ArrayList<>();
        breakdowns.add(new ProceedsBreakdown("ITEM", money(o.itemsTotal(), o.currency())));
        breakdowns.add(new ProceedsBreakdown("SHIPPING", money(o.shippingAmount(), o.currency())));
        return new OrderProceeds(money(o.itemsTotal().add(o.shippingAmount()), o.currency()), breakdowns);
    }

    private static ItemProceeds itemProceeds(SandboxOrderItem item, BigDecimal shipping, String currency) {
        return new ItemProceeds(money(item.total().add(shipping), currency), List.of(
                new ProceedsBreakdown("ITEM", money(item.total(), currency)),
                new ProceedsBreakdown("SHIPPING", money(shipping, currency))));
    }

    private static ItemFulfillment itemFulfillment(SandboxOrder o, SandboxOrderItem item) {
        int shipped = o.status() == FulfillmentStatus.SHIPPED ? item.quantity() : 0;
        return new ItemFulfillment(shipped, item.quantity() - shipped);
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount.setScale(2).toPlainString(), currency);
    }
}
