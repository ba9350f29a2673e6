package it.ponte.sandbox.amazon;

import it.ponte.sandbox.amazon.SpApiOrderModel.Buyer;
import it.ponte.sandbox.amazon.SpApiOrderModel.CustomerAddress;
import it.ponte.sandbox.amazon.SpApiOrderModel.DetailedBreakdown;
import it.ponte.sandbox.amazon.SpApiOrderModel.ItemFulfillment;
import it.ponte.sandbox.amazon.SpApiOrderModel.ItemPrice;
import it.ponte.sandbox.amazon.SpApiOrderModel.ItemProceeds;
import it.ponte.sandbox.amazon.SpApiOrderModel.ItemProceedsBreakdown;
import it.ponte.sandbox.amazon.SpApiOrderModel.ItemProduct;
import it.ponte.sandbox.amazon.SpApiOrderModel.ItemPromotion;
import it.ponte.sandbox.amazon.SpApiOrderModel.Money;
import it.ponte.sandbox.amazon.SpApiOrderModel.Order;
import it.ponte.sandbox.amazon.SpApiOrderModel.OrderFulfillment;
import it.ponte.sandbox.amazon.SpApiOrderModel.OrderItem;
import it.ponte.sandbox.amazon.SpApiOrderModel.OrderProceeds;
import it.ponte.sandbox.amazon.SpApiOrderModel.OrderTax;
import it.ponte.sandbox.amazon.SpApiOrderModel.OrderTaxRegistration;
import it.ponte.sandbox.amazon.SpApiOrderModel.ProceedsBreakdown;
import it.ponte.sandbox.amazon.SpApiOrderModel.PromotionBreakdown;
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
 * Amazon releases it (merchant-fulfilled and due to ship), no prices while the order is pending. Amounts are VAT
 * included, as on Amazon's EU marketplaces; the VAT they contain is the TAX breakdown beside them. The order's
 * charges (shipping, gift wrap, discount) are booked on its first item, the delivery tip on the order alone.
 */
final class SpApiOrderRenderer {

    private SpApiOrderRenderer() {
    }

    static Order render(SandboxOrder o, Set<IncludedData> included) {
        return render(o, included, true);
    }

    /** As Amazon shows the order to an application with ({@code personalDataRole}) or without the roles for personal data. */
    static Order render(SandboxOrder o, Set<IncludedData> included, boolean personalDataRole) {
        boolean priced = !o.status().isPending();
        boolean pii = personalDataRole && o.revealsBuyer();
        List<OrderItem> items = new ArrayList<>();
        for (int i = 0; i < o.items().size(); i++) {
            SandboxOrderItem item = o.items().get(i);
            boolean first = i == 0;
            items.add(new OrderItem(item.orderItemId(), item.quantity(),
                    new ItemProduct(item.asin(), item.title(), item.sku(),
                            priced ? new ItemPrice(money(item.unitPrice(), o.currency())) : null),
                    priced && included.contains(IncludedData.PROCEEDS) ? itemProceeds(o, item, first) : null,
                    first && o.charges().promotionId() != null && included.contains(IncludedData.PROMOTION)
                            ? new ItemPromotion(List.of(new PromotionBreakdown(o.charges().promotionId()))) : null,
                    included.contains(IncludedData.FULFILLMENT) ? itemFulfillment(o, item) : null));
        }
        return new Order(o.orderId(), timestamp(o.createdTime()), timestamp(o.lastUpdatedTime()),
                o.programs().isEmpty() ? null : o.programs(), salesChannel(o),
                pii && included.contains(IncludedData.BUYER) ? buyer(o) : null,
                pii && included.contains(IncludedData.RECIPIENT) && o.shipTo() != null ? recipient(o.shipTo()) : null,
                priced && included.contains(IncludedData.PROCEEDS) ? orderProceeds(o) : null,
                pii && included.contains(IncludedData.TAX) ? tax(o) : null,
                included.contains(IncludedData.FULFILLMENT)
                        ? new OrderFulfillment(o.status().name(), o.fulfilledBy().name(), "Standard") : null,
                items);
    }

    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static Buyer buyer(SandboxOrder o) {
        return new Buyer(o.buyerName(), o.buyerEmail(), o.business() == null ? null : o.business().companyName());
    }

    /** A business buyer's VAT registration, when Amazon has one. */
    private static OrderTax tax(SandboxOrder o) {
        if (o.business() == null || o.business().vatNumber() == null) {
            return null;
        }
        return new OrderTax(List.of(new OrderTaxRegistration("BUYER", o.business().companyName(), "VAT", o.business().vatNumber())));
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
        SandboxCharges c = o.charges();
        String cur = o.currency();
        List<ProceedsBreakdown> breakdowns = new ArrayList<>();
        breakdowns.add(new ProceedsBreakdown("ITEM", null, money(o.itemsTotal(), cur)));
        breakdowns.add(new ProceedsBreakdown("SHIPPING", null, money(o.shippingAmount(), cur)));
        if (c.giftWrap().signum() > 0) {
            breakdowns.add(new ProceedsBreakdown("GIFT_WRAP", null, money(c.giftWrap(), cur)));
        }
        if (c.discount().signum() > 0) {
            breakdowns.add(new ProceedsBreakdown("DISCOUNT", null, money(c.discount().negate(), cur)));
        }
        BigDecimal vat = BigDecimal.ZERO;
        for (int i = 0; i < o.items().size(); i++) {
            vat = vat.add(itemVat(o, o.items().get(i), i == 0));
        }
        breakdowns.add(new ProceedsBreakdown("TAX", null, money(vat, cur)));
        if (c.deliveryTip().signum() > 0) {
            breakdowns.add(new ProceedsBreakdown("DELIVERY_TIP", "FINALIZED", money(c.deliveryTip(), cur)));
        }
        return new OrderProceeds(money(o.grandTotal(), cur), breakdowns);
    }

    private static BigDecimal itemVat(SandboxOrder o, SandboxOrderItem item, boolean first) {
        SandboxCharges c = o.charges();
        BigDecimal vat = c.vatIn(item.total());
        if (first) {
            vat = vat.add(c.vatIn(o.shippingAmount())).add(c.vatIn(c.giftWrap())).subtract(c.vatIn(c.discount()));
        }
        return vat;
    }

    private static ItemProceeds itemProceeds(SandboxOrder o, SandboxOrderItem item, boolean first) {
        SandboxCharges c = o.charges();
        String cur = o.currency();
        BigDecimal shipping = first ? o.shippingAmount() : BigDecimal.ZERO;
        List<ItemProceedsBreakdown> breakdowns = new ArrayList<>();
        List<DetailedBreakdown> vat = new ArrayList<>();
        breakdowns.add(new ItemProceedsBreakdown("ITEM", money(item.total(), cur), null));
        vat.add(new DetailedBreakdown("ITEM", money(c.vatIn(item.total()), cur)));
        breakdowns.add(new ItemProceedsBreakdown("SHIPPING", money(shipping, cur), null));
        if (shipping.signum() > 0) {
            vat.add(new DetailedBreakdown("SHIPPING", money(c.vatIn(shipping), cur)));
        }
        BigDecimal total = item.total().add(shipping);
        if (first && c.giftWrap().signum() > 0) {
            breakdowns.add(new ItemProceedsBreakdown("GIFT_WRAP", money(c.giftWrap(), cur), null));
            vat.add(new DetailedBreakdown("GIFT_WRAP", money(c.vatIn(c.giftWrap()), cur)));
            total = total.add(c.giftWrap());
        }
        if (first && c.discount().signum() > 0) {
            breakdowns.add(new ItemProceedsBreakdown("DISCOUNT", money(c.discount().negate(), cur), null));
            vat.add(new DetailedBreakdown("DISCOUNT", money(c.vatIn(c.discount()).negate(), cur)));
            total = total.subtract(c.discount());
        }
        breakdowns.add(new ItemProceedsBreakdown("TAX", money(itemVat(o, item, first), cur), vat));
        return new ItemProceeds(money(total, cur), breakdowns);
    }

    private static ItemFulfillment itemFulfillment(SandboxOrder o, SandboxOrderItem item) {
        int shipped = o.status() == FulfillmentStatus.SHIPPED ? item.quantity() : 0;
        return new ItemFulfillment(shipped, item.quantity() - shipped);
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount.setScale(2).toPlainString(), currency);
    }
}
