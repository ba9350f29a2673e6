package it.ponte.amazon;

import it.ponte.amazon.model.AmazonOrder;
import it.ponte.shop.Address;
import it.ponte.shop.Customer;
import it.ponte.shop.CustomerRepository;
import it.ponte.shop.OrderOrigin;
import it.ponte.shop.OrderStatus;
import it.ponte.shop.ProductRepository;
import it.ponte.shop.ShopOrder;
import it.ponte.shop.ShopOrderRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one Amazon order into the shop (seed 002): the buyer's e-mail links an existing customer without
 * touching its data, or opens a new one without login credentials (a business buyer, whose e-mail Amazon shares among
 * all of them, is linked by VAT number, company or recipient instead: {@link AmazonBusinessBuyers}); the Amazon ship-to address is added to the
 * customer's addresses when it is not among them; the order is REGISTERED, waiting for the ERP insert.
 * Exactly once: (account, Amazon order id) is unique in the shop, and a stored order is only updated.
 */
@Component
public class AmazonOrderToShop {

    private final ShopOrderRepository orders;
    private final CustomerRepository customers;
    private final ProductRepository products;
    private final AmazonOrderHolds holds;
    private final TransactionTemplate shopTx;
    private final AmazonBusinessBuyers businessBuyers;
    private final AmazonOrderAmounts amounts;
    private final AmazonOrderAmountLines amountLines;

    public AmazonOrderToShop(ShopOrderRepository orders, CustomerRepository customers, ProductRepository products,
                               AmazonOrderHolds holds, @Qualifier("shopTx") TransactionTemplate shopTx,
                               AmazonBusinessBuyers businessBuyers, AmazonOrderAmounts amounts, AmazonOrderAmountLines amountLines) {
        this.amounts = amounts;
        this.amountLines = amountLines;
        this.businessBuyers = businessBuyers;
        this.orders = orders;
        this.customers = customers;
        this.products = products;
        this.holds = holds;
        this.shopTx = shopTx;
    }

    public ImportOutcome importOrder(AmazonProperties.Account account, AmazonOrder order) {
        String status = order.fulfillmentStatus();
        Optional<ShopOrderRepository.AmazonOrderMark> stored = orders.findAmazon(account.id(), order.orderId());
        if (stored.isPresent()) {
            // a good read of an order already in the shop: a hold an unreadable copy of it left (an overlapping window
            // read badly once) no longer stands
            holds.release(account.id(), order.orderId());
            if (Objects.equals(stored.get().amazonLastUpdated(), order.lastUpdatedTime())
                    && Objects.equals(stored.get().amazonStatus(), status)) {
                return ImportOutcome.of(ImportOutcome.Kind.UNCHANGED, account.id(), order.orderId());
            }
            orders.updateAmazonStatus(stored.get().id(), status, order.lastUpdatedTime());
            return ImportOutcome.of(ImportOutcome.Kind.UPDATED, account.id(), order.orderId());
        }
        if (status == null || !account.importStatuses().contains(status)) {
            return ImportOutcome.of(ImportOutcome.Kind.SKIPPED_STATUS, account.id(), order.orderId());
        }
        if (order.marketplaceId() == null || !account.marketplaces().contains(order.marketplaceId())) {
            // Not a marketplace this account sells on for Ponte: held, not imported, until the account names it.
            return hold(account, order, HoldReason.FOREIGN_MARKETPLACE, "marketplace " + order.marketplaceId()
                    + " is not among the account's " + account.marketplaces() + " (ponte.amazon.accounts[].marketplaces)");
        }
        HoldReason missing = missingData(order);
        if (missing != null) {
            return hold(account, order, missing, null);
        }
        AmazonOrderAmounts.Amounts sums = amounts.of(order);
        if (!sums.addUp()) {
            // a document whose rows do not give the order's total is never written: held, the difference named
            return hold(account, order, HoldReason.TOTALS_MISMATCH, sums.mismatch());
        }
        try {
            return shopTx.execute(tx -> store(account, order, status, sums));
        } catch (DuplicateKeyException importedMeanwhile) {
            // Another node or an overlapping run stored it between our look-up and our insert.
            return ImportOutcome.of(ImportOutcome.Kind.UNCHANGED, account.id(), order.orderId());
        }
    }

    private ImportOutcome store(AmazonProperties.Account account, AmazonOrder order, String status, AmazonOrderAmounts.Amounts sums) {
        AmazonOrder.Address shipTo = order.shipTo().orElseThrow();
        String email = order.buyerEmail().orElseThrow();
        Optional<AmazonBusinessBuyers.BusinessBuyer> business = businessBuyers.identify(order);
        Optional<Customer> known;
        Customer customer;
        if (business.isPresent()) {
            // Business buyers share one e-mail: never linked by it, keyed on VAT number, company or recipient instead.
            AmazonBusinessBuyers.BusinessBuyer b = business.get();
            known = customers.findByBusinessKey(b.key());
            customer = known.orElseGet(() -> customers.insertOrFindBusiness(b.key(), email, b.name(), b.vatNumber(), shipTo.phone(),
                    OrderOrigin.AMAZON.name()));
        } else {
            known = customers.findByEmail(email);
            customer = known.orElseGet(() -> {
                String[] names = splitName(order.buyer() != null && order.buyer().buyerName() != null ? order.buyer().buyerName() : shipTo.name());
                return customers.insertOrFind(email, names[0], names[1],
                        order.buyer() == null ? null : order.buyer().buyerCompanyName(), shipTo.phone(), OrderOrigin.AMAZON.name());
            });
        }
        CustomerRepository.AddressLookup address = customers.addressFor(new Address(null, customer.id(), shipTo.name(),
                shipTo.companyName(), shipTo.addressLine1(), joinLines(shipTo.addressLine2(), shipTo.addressLine3()), shipTo.city(),
                shipTo.stateOrRegion(), shipTo.postalCode(), shipTo.countryCode(), shipTo.phone(), null));

        Map<String, Long> productIds = products.idsBySku(order.items().stream()
                .map(i -> i.product() == null ? null : i.product().sellerSku()).filter(Objects::nonNull).toList());
        List<ShopOrder.OrderRow> rows = new ArrayList<>();
        List<AmazonOrderAmountLines.Line> lines = new ArrayList<>();
        BigDecimal itemsTotal = BigDecimal.ZERO;
        String currency = sums.currency();
        int line = 1;
        for (AmazonOrderAmounts.ItemAmount a : sums.items()) {
            AmazonOrder.OrderItem item = a.item();
            String sku = item.product() == null || item.product().sellerSku() == null ? item.orderItemId() : item.product().sellerSku();
            String title = item.product() == null || item.product().title() == null ? sku : item.product().title();
            rows.add(new ShopOrder.OrderRow(line, sku, truncate(title, 250), a.quantity(), a.unitPrice(), a.amount(), productIds.get(sku),
                    item.orderItemId()));
            lines.add(new AmazonOrderAmountLines.Line("ITEM", line, a.amount(), a.vat(), sums.vatIncluded(), null));
            line++;
            itemsTotal = itemsTotal.add(a.amount());
        }
        for (AmazonOrderAmounts.Charge c : sums.charges()) {
            lines.add(new AmazonOrderAmountLines.Line(c.kind(), null, c.amount(), c.vat(), sums.vatIncluded(),
                    c.promotionIds().isEmpty() ? null : truncate(String.join(", ", c.promotionIds()), 250)));
        }
        BigDecimal shippingTotal = sums.chargeOf("SHIPPING");
        BigDecimal orderTotal = sums.orderTotal();

        ShopOrder shopOrder = new ShopOrder(0, OrderOrigin.AMAZON, OrderStatus.REGISTERED, customer.id(), address.address().id(),
                order.createdTime(), currency, itemsTotal, shippingTotal, orderTotal, account.id(), order.orderId(),
                order.marketplaceId(), order.fulfillmentStatus(), AmazonOrderState.REGISTERED.name(), order.lastUpdatedTime(),
                null, null, null, null, null, null, null, null, null, null, rows);
        long id = orders.insert(shopOrder);
        amountLines.insert(id, lines);
        holds.release(account.id(), order.orderId());
        return new ImportOutcome(ImportOutcome.Kind.IMPORTED, account.id(), order.orderId(), order.createdTime(),
                order.marketplaceId(), id, customer.displayName() + " <" + customer.email() + ">", orderTotal, currency, null, null,
                known.isEmpty(), address.created());
    }

    /** Records the hold with its reason (and what it is about); reported only the first time it is seen. */
    private ImportOutcome hold(AmazonProperties.Account account, AmazonOrder order, HoldReason reason, String detail) {
        boolean firstTime = holds.hold(account.id(), order.orderId(), detail == null ? reason.name() : reason.name() + ": " + detail,
                order.fulfillmentStatus());
        ImportOutcome held = ImportOutcome.held(account.id(), order.orderId(), order.createdTime(), order.marketplaceId(), reason);
        return firstTime ? held : ImportOutcome.of(ImportOutcome.Kind.UNCHANGED, account.id(), order.orderId());
    }

    /** What Amazon has not given yet for an order we would import; null when all is there. */
    static HoldReason missingData(AmazonOrder order) {
        if (order.buyerEmail().isEmpty()) {
            return HoldReason.MISSING_EMAIL;
        }
        if (order.shipTo().filter(AmazonOrder.Address::isComplete).isEmpty()) {
            return HoldReason.MISSING_ADDRESS;
        }
        if (order.items().isEmpty()) {
            return HoldReason.NO_ITEMS;
        }
        boolean priced = order.items().stream().allMatch(i -> i.proceedsOf("ITEM") != null
                || (i.product() != null && i.product().price() != null && i.product().price().unitPrice() != null));
        return priced ? null : HoldReason.MISSING_PRICES;
    }

    static String[] splitName(String full) {
        if (full == null || full.isBlank()) {
            return new String[] {null, null};
        }
        String trimmed = full.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? new String[] {trimmed, null} : new String[] {trimmed.substring(0, space), trimmed.substring(space + 1).trim()};
    }

    private static String joinLines(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null || b.isBlank() ? null : b;
        }
        return b == null || b.isBlank() ? a : a + ", " + b;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
