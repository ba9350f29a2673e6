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
            ImportOutcome known = againstStored(account, order, stored.get());
            if (known.kind() == ImportOutcome.Kind.UPDATED) {
                orders.updateAmazonStatus(stored.get().id(), status, order.lastUpdatedTime());
            }
            return known;
        }
        Checked checked = check(account, order);
        if (checked.outcome() != null) {
            return checked.outcome();
        }
        try {
            return shopTx.execute(tx -> store(account, order, status, checked.sums()));
        } catch (DuplicateKeyException importedMeanwhile) {
            // Another node or an overlapping run stored it between our look-up and our insert.
            return ImportOutcome.of(ImportOutcome.Kind.UNCHANGED, account.id(), order.orderId());
        }
    }

    /**
     * Imports the orders of a page of one account together, in one shop transaction: one query for the orders stored
     * already, one for the customers by e-mail, one for the addresses, statement batches for what is new (customers,
     * addresses, orders, rows, amounts). The outcome of each, in the orders' order. Any failure rolls back the whole
     * batch and is thrown: the caller then imports its orders one by one, so one bad order fails alone.
     * Business buyers (keyed on VAT number, company or recipient, not e-mail) go order by order inside the batch.
     */
    public List<ImportOutcome> importBatch(AmazonProperties.Account account, List<AmazonOrder> batch) {
        return shopTx.execute(tx -> importAll(account, batch));
    }

    private List<ImportOutcome> importAll(AmazonProperties.Account account, List<AmazonOrder> batch) {
        java.util.Set<String> held = new java.util.HashSet<>();
        Map<String, ShopOrderRepository.AmazonOrderMark> stored = orders.findAmazon(account.id(),
                batch.stream().map(AmazonOrder::orderId).toList(), held);
        ImportOutcome[] outcomes = new ImportOutcome[batch.size()];
        List<Object[]> updates = new ArrayList<>();
        List<String> readAgain = new ArrayList<>();
        List<Integer> consumers = new ArrayList<>();
        Map<Integer, AmazonOrderAmounts.Amounts> sums = new java.util.HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            AmazonOrder order = batch.get(i);
            ShopOrderRepository.AmazonOrderMark mark = stored.get(order.orderId());
            if (mark != null) {
                readAgain.add(order.orderId());
                outcomes[i] = againstStored(account, order, mark);
                if (outcomes[i].kind() == ImportOutcome.Kind.UPDATED) {
                    updates.add(new Object[] {mark.id(), order.fulfillmentStatus(), order.lastUpdatedTime()});
                }
                continue;
            }
            Checked checked = check(account, order);
            if (checked.outcome() != null) {
                outcomes[i] = checked.outcome();
            } else if (businessBuyers.identify(order).isPresent()) {
                outcomes[i] = store(account, order, order.fulfillmentStatus(), checked.sums());
            } else {
                consumers.add(i);
                sums.put(i, checked.sums());
            }
        }
        orders.updateAmazonStatuses(updates);
        // good reads of orders already in the shop: holds unreadable copies of them left (a page read badly once) end
        holds.releaseAll(account.id(), readAgain.stream().filter(held::contains).toList());
        if (consumers.isEmpty()) {
            return List.of(outcomes);
        }

        // the buyers by e-mail and their ship-to addresses by match key: one query for those known, one statement for
        // the new buyers and one for the new addresses, each answering them as stored
        Map<String, Address> addresses = new java.util.HashMap<>();
        Map<String, Customer> byEmail = customers.findByEmails(consumers.stream().map(i -> batch.get(i).buyerEmail().orElseThrow()).toList(),
                consumers.stream().map(i -> shipToAddress(0, batch.get(i).shipTo().orElseThrow()).matchKey()).toList(), addresses);
        Map<String, CustomerRepository.NewCustomer> newCustomers = new java.util.LinkedHashMap<>();
        java.util.Set<Integer> openedCustomer = new java.util.HashSet<>();
        for (int i : consumers) {
            AmazonOrder order = batch.get(i);
            String email = order.buyerEmail().orElseThrow();
            String key = CustomerRepository.emailKey(email);
            if (!byEmail.containsKey(key) && !newCustomers.containsKey(key)) {
                AmazonOrder.Address shipTo = order.shipTo().orElseThrow();
                String[] names = splitName(order.buyer() != null && order.buyer().buyerName() != null ? order.buyer().buyerName() : shipTo.name());
                newCustomers.put(key, new CustomerRepository.NewCustomer(email, names[0], names[1],
                        order.buyer() == null ? null : order.buyer().buyerCompanyName(), shipTo.phone(), OrderOrigin.AMAZON.name()));
                openedCustomer.add(i);
            }
        }
        byEmail.putAll(customers.insertAll(newCustomers.values()));

        Map<Integer, Address> wanted = new java.util.HashMap<>();
        for (int i : consumers) {
            AmazonOrder order = batch.get(i);
            Customer customer = byEmail.get(CustomerRepository.emailKey(order.buyerEmail().orElseThrow()));
            if (customer == null) {
                throw new IllegalStateException("customer " + order.buyerEmail().orElseThrow() + " not found after its insert");
            }
            wanted.put(i, shipToAddress(customer.id(), order.shipTo().orElseThrow()));
        }
        Map<String, Address> newAddresses = new java.util.LinkedHashMap<>();
        java.util.Set<Integer> openedAddress = new java.util.HashSet<>();
        for (int i : consumers) {
            String key = CustomerRepository.addressKey(wanted.get(i));
            if (!addresses.containsKey(key) && !newAddresses.containsKey(key)) {
                newAddresses.put(key, wanted.get(i));
                openedAddress.add(i);
            }
        }
        addresses.putAll(customers.insertAddresses(newAddresses.values()));

        // the orders, their rows and amounts, in batches
        Map<String, Long> productIds = products.idsBySku(consumers.stream().flatMap(i -> batch.get(i).items().stream())
                .map(item -> item.product() == null ? null : item.product().sellerSku()).filter(Objects::nonNull).distinct().toList());
        List<ShopOrder> shopOrders = new ArrayList<>();
        List<List<AmazonOrderAmountLines.Line>> lines = new ArrayList<>();
        for (int i : consumers) {
            AmazonOrder order = batch.get(i);
            Customer customer = byEmail.get(CustomerRepository.emailKey(order.buyerEmail().orElseThrow()));
            Address address = addresses.get(CustomerRepository.addressKey(wanted.get(i)));
            if (address == null) {
                throw new IllegalStateException("address of Amazon order " + order.orderId() + " not found after its insert");
            }
            Built built = build(account, order, sums.get(i), customer.id(), address.id(), productIds);
            shopOrders.add(built.order());
            lines.add(built.lines());
        }
        List<Long> ids = orders.insertAll(account.id(), shopOrders);
        Map<Long, List<AmazonOrderAmountLines.Line>> linesById = new java.util.LinkedHashMap<>();
        for (int k = 0; k < ids.size(); k++) {
            linesById.put(ids.get(k), lines.get(k));
        }
        amountLines.insertAll(linesById);
        holds.releaseAll(account.id(), shopOrders.stream().map(ShopOrder::amazonOrderId).filter(held::contains).toList());
        for (int k = 0; k < consumers.size(); k++) {
            int i = consumers.get(k);
            AmazonOrder order = batch.get(i);
            Customer customer = byEmail.get(CustomerRepository.emailKey(order.buyerEmail().orElseThrow()));
            ShopOrder o = shopOrders.get(k);
            outcomes[i] = new ImportOutcome(ImportOutcome.Kind.IMPORTED, account.id(), order.orderId(), order.createdTime(),
                    order.marketplaceId(), ids.get(k), customer.displayName() + " <" + customer.email() + ">", o.orderTotal(),
                    o.currency(), null, null, openedCustomer.contains(i), openedAddress.contains(i));
        }
        return List.of(outcomes);
    }

    /** An order stored before: unchanged, or its Amazon status and update time to write. */
    private static ImportOutcome againstStored(AmazonProperties.Account account, AmazonOrder order, ShopOrderRepository.AmazonOrderMark stored) {
        if (Objects.equals(stored.amazonLastUpdated(), order.lastUpdatedTime())
                && Objects.equals(stored.amazonStatus(), order.fulfillmentStatus())) {
            return ImportOutcome.of(ImportOutcome.Kind.UNCHANGED, account.id(), order.orderId());
        }
        return ImportOutcome.of(ImportOutcome.Kind.UPDATED, account.id(), order.orderId());
    }

    /** A new order's verdict before storing: skipped or held (an outcome), or its amounts, to store. */
    private record Checked(ImportOutcome outcome, AmazonOrderAmounts.Amounts sums) {
    }

    private Checked check(AmazonProperties.Account account, AmazonOrder order) {
        String status = order.fulfillmentStatus();
        if (status == null || !account.importStatuses().contains(status)) {
            return new Checked(ImportOutcome.of(ImportOutcome.Kind.SKIPPED_STATUS, account.id(), order.orderId()), null);
        }
        if (order.marketplaceId() == null || !account.marketplaces().contains(order.marketplaceId())) {
            // Not a marketplace this account sells on for Ponte: held, not imported, until the account names it.
            return new Checked(hold(account, order, HoldReason.FOREIGN_MARKETPLACE, "marketplace " + order.marketplaceId()
                    + " is not among the account's " + account.marketplaces() + " (ponte.amazon.accounts[].marketplaces)"), null);
        }
        HoldReason missing = missingData(order);
        if (missing != null) {
            return new Checked(hold(account, order, missing, null), null);
        }
        AmazonOrderAmounts.Amounts sums = amounts.of(order);
        if (!sums.addUp()) {
            // a document whose rows do not give the order's total is never written: held, the difference named
            return new Checked(hold(account, order, HoldReason.TOTALS_MISMATCH, sums.mismatch()), null);
        }
        return new Checked(null, sums);
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
        CustomerRepository.AddressLookup address = customers.addressFor(shipToAddress(customer.id(), shipTo));

        Map<String, Long> productIds = products.idsBySku(order.items().stream()
                .map(i -> i.product() == null ? null : i.product().sellerSku()).filter(Objects::nonNull).toList());
        Built built = build(account, order, sums, customer.id(), address.address().id(), productIds);
        long id = orders.insert(built.order());
        amountLines.insert(id, built.lines());
        holds.release(account.id(), order.orderId());
        return new ImportOutcome(ImportOutcome.Kind.IMPORTED, account.id(), order.orderId(), order.createdTime(),
                order.marketplaceId(), id, customer.displayName() + " <" + customer.email() + ">", built.order().orderTotal(),
                built.order().currency(), null, null, known.isEmpty(), address.created());
    }

    private static Address shipToAddress(long customerId, AmazonOrder.Address shipTo) {
        return new Address(null, customerId, shipTo.name(), shipTo.companyName(), shipTo.addressLine1(),
                joinLines(shipTo.addressLine2(), shipTo.addressLine3()), shipTo.city(), shipTo.stateOrRegion(), shipTo.postalCode(),
                shipTo.countryCode(), shipTo.phone(), null);
    }

    /** The shop order an Amazon order becomes (not stored yet), and its amount lines. */
    private record Built(ShopOrder order, List<AmazonOrderAmountLines.Line> lines) {
    }

    private static Built build(AmazonProperties.Account account, AmazonOrder order, AmazonOrderAmounts.Amounts sums, long customerId,
                               long addressId, Map<String, Long> productIds) {
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
        ShopOrder shopOrder = new ShopOrder(0, OrderOrigin.AMAZON, OrderStatus.REGISTERED, customerId, addressId,
                order.createdTime(), currency, itemsTotal, shippingTotal, orderTotal, account.id(), order.orderId(),
                order.marketplaceId(), order.fulfillmentStatus(), AmazonOrderState.REGISTERED.name(), order.lastUpdatedTime(),
                null, null, null, null, null, null, null, null, null, null, rows);
        return new Built(shopOrder, lines);
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
