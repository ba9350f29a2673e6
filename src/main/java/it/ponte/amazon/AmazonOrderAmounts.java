package it.ponte.amazon;

import it.ponte.amazon.model.AmazonOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The amounts of an Amazon order as the rows of its ERP document: one row per item (quantity × unit price), and one
 * per charge kind summed over the items (shipping, gift wrap, cash-on-delivery fee and other charges as expense rows,
 * promotions and discounts as a negative discount row), each with the VAT Amazon reports for it (the TAX breakdown's
 * details). On the marketplaces of {@code ponte.amazon.vat-included-marketplaces} (Amazon's EU ones) prices include
 * VAT, so the rows add up to the total as they are; elsewhere the VAT comes on top. Whether they add up to Amazon's
 * grand total is {@link Amounts#difference()}: an order whose rows do not is held, never stored with wrong rows.
 */
@Component
public class AmazonOrderAmounts {

    /** The charge kinds of Amazon's proceeds that become document rows, in row order. */
    public static final List<String> CHARGE_KINDS = List.of("SHIPPING", "GIFT_WRAP", "COD_FEE", "OTHER", "DISCOUNT");

    private final Set<String> vatIncludedMarketplaces;

    public AmazonOrderAmounts(AmazonProperties properties) {
        this.vatIncludedMarketplaces = Set.copyOf(properties.vatIncludedMarketplaces());
    }

    /** Whether the marketplace quotes prices VAT included (Amazon's EU marketplaces). */
    public boolean vatIncluded(String marketplaceId) {
        return marketplaceId != null && vatIncludedMarketplaces.contains(marketplaceId);
    }

    public record ItemAmount(AmazonOrder.OrderItem item, int quantity, BigDecimal unitPrice, BigDecimal amount, BigDecimal vat) {
    }

    /** One charge kind over the whole order; {@code amount} is negative for DISCOUNT. */
    public record Charge(String kind, BigDecimal amount, BigDecimal vat, List<String> promotionIds) {
    }

    public record Amounts(List<ItemAmount> items, List<Charge> charges, boolean vatIncluded, BigDecimal rowsTotal,
                          BigDecimal orderTotal, String currency) {

        /** What the order's total exceeds its rows by (zero when they add up). */
        public BigDecimal difference() {
            return orderTotal.subtract(rowsTotal);
        }

        public boolean addUp() {
            return difference().signum() == 0;
        }

        public BigDecimal chargeOf(String kind) {
            return charges.stream().filter(c -> c.kind().equals(kind)).map(Charge::amount).findFirst().orElse(BigDecimal.ZERO);
        }

        /** How the hold names a mismatch. */
        public String mismatch() {
            return "order total " + orderTotal.toPlainString() + " " + currency + ", rows " + rowsTotal.toPlainString() + " " + currency
                    + (vatIncluded ? " (VAT included)" : " (VAT added)") + ": difference " + difference().toPlainString() + " " + currency;
        }
    }

    public Amounts of(AmazonOrder order) {
        boolean included = vatIncluded(order.marketplaceId());
        String currency = order.proceeds() != null && order.proceeds().grandTotal() != null && order.proceeds().grandTotal().currencyCode() != null
                ? order.proceeds().grandTotal().currencyCode() : "EUR";
        List<ItemAmount> items = new ArrayList<>();
        BigDecimal rows = BigDecimal.ZERO;
        BigDecimal vatTotal = BigDecimal.ZERO;
        for (AmazonOrder.OrderItem item : order.items()) {
            int quantity = item.quantityOrdered() == null ? 0 : item.quantityOrdered();
            BigDecimal listed = item.product() != null && item.product().price() != null && item.product().price().unitPrice() != null
                    ? item.product().price().unitPrice().amount() : null;
            BigDecimal amount = sum(item.breakdownsOf("ITEM"));
            if (item.breakdownsOf("ITEM").isEmpty()) {
                amount = listed == null ? BigDecimal.ZERO : listed.multiply(BigDecimal.valueOf(quantity));
            }
            // the ERP row is quantity × unit price: Amazon's unit price when it gives the item's amount, else the amount shared out
            BigDecimal unit = listed != null && listed.multiply(BigDecimal.valueOf(quantity)).compareTo(amount) == 0 ? listed
                    : quantity == 0 ? amount : amount.divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP);
            BigDecimal vat = vatOf(item, "ITEM");
            items.add(new ItemAmount(item, quantity, unit, amount, vat));
            rows = rows.add(unit.multiply(BigDecimal.valueOf(quantity)));
            vatTotal = vatTotal.add(vat == null ? BigDecimal.ZERO : vat);
        }
        List<Charge> charges = new ArrayList<>();
        for (String kind : CHARGE_KINDS) {
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal vat = null;
            Set<String> promotions = new LinkedHashSet<>();
            for (AmazonOrder.OrderItem item : order.items()) {
                amount = amount.add(sum(item.breakdownsOf(kind)));
                BigDecimal itemVat = vatOf(item, kind);
                if (itemVat != null) {
                    vat = (vat == null ? BigDecimal.ZERO : vat).add(itemVat);
                }
                if ("DISCOUNT".equals(kind)) {
                    promotions.addAll(item.promotionIds());
                }
            }
            if ("DISCOUNT".equals(kind)) {
                amount = amount.abs().negate();
                vat = vat == null ? null : vat.abs().negate();
            }
            if (amount.signum() != 0) {
                charges.add(new Charge(kind, amount, vat, List.copyOf(promotions)));
                rows = rows.add(amount);
                vatTotal = vatTotal.add(vat == null ? BigDecimal.ZERO : vat);
            }
        }
        if (!included) {
            rows = rows.add(vatTotal);
        }
        BigDecimal total = order.proceeds() != null && order.proceeds().grandTotal() != null && order.proceeds().grandTotal().amount() != null
                ? order.proceeds().grandTotal().amount() : rows;
        return new Amounts(items, charges, included, rows.setScale(2, RoundingMode.HALF_UP), total.setScale(2, RoundingMode.HALF_UP), currency);
    }

    /**
     * The VAT Amazon reports for one kind of an item's amounts: the TAX breakdown's detail of that subtype; a TAX
     * breakdown without details is the item's own. Null when Amazon reports no tax for it.
     */
    private static BigDecimal vatOf(AmazonOrder.OrderItem item, String kind) {
        List<AmazonOrder.Breakdown> taxes = item.breakdownsOf("TAX");
        if (taxes.isEmpty()) {
            return null;
        }
        BigDecimal vat = null;
        for (AmazonOrder.Breakdown tax : taxes) {
            if (tax.details().isEmpty()) {
                if ("ITEM".equals(kind) && tax.subtotal() != null && tax.subtotal().amount() != null) {
                    vat = (vat == null ? BigDecimal.ZERO : vat).add(tax.subtotal().amount());
                }
                continue;
            }
            for (AmazonOrder.Detail d : tax.details()) {
                if (kind.equals(d.subtype()) && d.value() != null && d.value().amount() != null) {
                    vat = (vat == null ? BigDecimal.ZERO : vat).add(d.value().amount());
                }
            }
        }
        return vat;
    }

    private static BigDecimal sum(List<AmazonOrder.Breakdown> breakdowns) {
        BigDecimal total = BigDecimal.ZERO;
        for (AmazonOrder.Breakdown b : breakdowns) {
            if (b.subtotal() != null && b.subtotal().amount() != null) {
                total = total.add(b.subtotal().amount());
            }
        }
        return total;
    }
}
