package it.ponte.erp;

import it.ponte.amazon.AmazonOrderAmountLines;
import it.ponte.amazon.AmazonProperties;
import it.ponte.shop.Address;
import it.ponte.shop.Customer;
import it.ponte.shop.CustomerRepository;
import it.ponte.shop.OrderOrigin;
import it.ponte.shop.OrderStatus;
import it.ponte.shop.ProductRepository;
import it.ponte.shop.ShopOrder;
import it.ponte.shop.ShopOrderRepository;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Inserts REGISTERED shop orders into the ERP (seed 002): the customer account (opened under the ledger when
 * new), the ship-to address, one row per item, shipping costs as an expense-item row and, for Amazon orders, a
 * body note with the Amazon order id and date. The routes of {@code erp-insert.camel.yaml} call these steps; the
 * shop order becomes STORED only once the ERP committed; if the ERP fails it stays REGISTERED with the error
 * ({@link ErpInsertFailures}), and the next run inserts it.
 */
@Component
public class ErpOrderInsert {

    private static final Logger log = LoggerFactory.getLogger(ErpOrderInsert.class);
    private static final ZoneId ITALY = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter NOTE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ITALY);

    private final ShopOrderRepository orders;
    private final CustomerRepository customers;
    private final ProductRepository products;
    private final ProducerTemplate routes;
    private final ErpInsertFailures failures;
    private final ErpProperties erpProperties;
    private final AmazonProperties amazonProperties;
    private final AmazonOrderAmountLines amountLines;
    private final org.springframework.transaction.support.TransactionTemplate shopTx;

    public ErpOrderInsert(ShopOrderRepository orders, CustomerRepository customers, ProductRepository products,
                          @Lazy ProducerTemplate routes, ErpInsertFailures failures, ErpProperties erpProperties,
                          AmazonProperties amazonProperties, AmazonOrderAmountLines amountLines,
                          @org.springframework.beans.factory.annotation.Qualifier("shopTx") org.springframework.transaction.support.TransactionTemplate shopTx) {
        this.shopTx = shopTx;
        this.amountLines = amountLines;
        this.orders = orders;
        this.customers = customers;
        this.products = products;
        this.routes = routes;
        this.failures = failures;
        this.erpProperties = erpProperties;
        this.amazonProperties = amazonProperties;
    }

    /** The orders waiting for the ERP, oldest first. */
    public List<Long> pending() {
        return orders.awaitingErp();
    }

    /** One order's insert through the route, as the ERP insert phase does it (also what two nodes racing do). */
    public ErpInsertOutcome insert(long shopOrderId) {
        return failures.outcome(routes.send("direct:erp-insert-order", e -> e.getMessage().setBody(shopOrderId)));
    }

    // --- steps of the erp-insert-order route --------------------------------------------------------------------

    /** The shop order as it is now, or null when it is gone. */
    public ShopOrder load(@Body long shopOrderId) {
        return orders.find(shopOrderId).orElse(null);
    }

    /** INSERT for a REGISTERED order; anything else was inserted meanwhile (or is gone) and is skipped. */
    public String verdict(@Body ShopOrder order) {
        return order == null ? "NOT_FOUND" : order.status() == OrderStatus.REGISTERED ? "INSERT" : "NOT_REGISTERED";
    }

    public ErpInsertOutcome skipped(@Body ShopOrder order, @ExchangeProperty("erpShopOrderId") long shopOrderId) {
        return new ErpInsertOutcome(shopOrderId, order == null ? null : order.amazonOrderId(), ErpInsertOutcome.Kind.SKIPPED,
                order == null ? null : order.erpDocumentNumber(), null);
    }

    /** The ERP committed: only now does the shop order become STORED, with the document and the ERP's codes. */
    public ErpInsertOutcome stored(@Body ErpDocumentRef ref, @ExchangeProperty("erpShopOrder") ShopOrder order,
                                   @ExchangeProperty("erpDraft") ErpDocumentDraft draft) {
        orders.markStored(order.id(), draft.idempotencyRef(), ref.series(), ref.number());
        customers.setErpCode(order.customerId(), ref.customerCode());
        if (order.shipAddressId() != null && ref.shipToCode() != null) {
            customers.setErpShipToCode(order.shipAddressId(), ref.shipToCode());
        }
        log.debug("Shop order {} stored in the ERP as {}", order.id(), ref.documentNumber());
        return new ErpInsertOutcome(order.id(), order.amazonOrderId(),
                ref.created() ? ErpInsertOutcome.Kind.STORED : ErpInsertOutcome.Kind.ALREADY_STORED, ref.documentNumber(), null);
    }

    /** The document the ERP gets for this order (also what a test stores to stage a crash after the ERP commit). */
    public ErpDocumentDraft draft(@Body ShopOrder order) {
        Customer customer = customers.find(order.customerId()).orElseThrow(() -> new IllegalStateException("customer " + order.customerId() + " not found"));
        Address shipTo = order.shipAddressId() == null ? null : customers.findAddress(order.shipAddressId()).orElse(null);
        Map<Long, String> itemCodes = products.erpItemCodes(order.rows().stream().map(ShopOrder.OrderRow::productId)
                .filter(Objects::nonNull).distinct().toList());
        List<AmazonOrderAmountLines.Line> lines = order.origin() == OrderOrigin.AMAZON ? amountLines.of(order.id()) : List.of();
        return draft(order, customer, shipTo, itemCodes, lines);
    }

    // --- a batch of orders (the erp-insert-batch route) ---------------------------------------------------------------

    /**
     * The batch's orders as they are now, each with its document's draft, read with one query per table for the whole
     * batch: gone or no longer REGISTERED orders are skipped; an order whose draft cannot be made is left to the
     * one-by-one route, which keeps its failure with it.
     */
    public ErpBatch openBatch(@Body List<Long> shopOrderIds) {
        long started = System.nanoTime();
        ErpBatch batch = new ErpBatch();
        Map<Long, ShopOrder> found = orders.findAll(shopOrderIds);
        List<ShopOrder> registered = new ArrayList<>();
        for (Long id : shopOrderIds) {
            ShopOrder order = found.get(id);
            if (order == null || order.status() != OrderStatus.REGISTERED) {
                batch.skipped().add(skipped(order, id));
            } else {
                registered.add(order);
            }
        }
        Map<Long, Customer> buyers = customers.findAll(registered.stream().map(ShopOrder::customerId).distinct().toList());
        Map<Long, Address> shipTos = customers.findAddressesById(registered.stream().map(ShopOrder::shipAddressId)
                .filter(Objects::nonNull).distinct().toList());
        Map<Long, String> itemCodes = products.erpItemCodes(registered.stream().flatMap(o -> o.rows().stream())
                .map(ShopOrder.OrderRow::productId).filter(Objects::nonNull).distinct().toList());
        Map<Long, List<AmazonOrderAmountLines.Line>> lines = amountLines.ofAll(registered.stream()
                .filter(o -> o.origin() == OrderOrigin.AMAZON).map(ShopOrder::id).toList());
        for (ShopOrder order : registered) {
            Customer customer = buyers.get(order.customerId());
            try {
                if (customer == null) {
                    throw new IllegalStateException("customer " + order.customerId() + " not found");
                }
                Address shipTo = order.shipAddressId() == null ? null : shipTos.get(order.shipAddressId());
                batch.getEntries().add(new ErpBatch.Entry(order, draft(order, customer, shipTo, itemCodes,
                        lines.getOrDefault(order.id(), List.of()))));
            } catch (RuntimeException noDraft) {
                batch.oneByOne().add(order.id());
            }
        }
        log.debug("Opened {} in {} ms", batch, (System.nanoTime() - started) / 1_000_000);
        return batch;
    }

    /**
     * After the batch's ERP transaction: committed, the shop orders become STORED with their documents and the ERP's
     * codes (one statement batch each); rolled back ({@code failure} not null), every order of the batch is left to the
     * one-by-one route. The outcomes are the batch's, for the run's ledger; the body becomes the orders left to go one by one.
     */
    public List<Long> closeBatch(@Body ErpBatch batch, @ExchangeProperty("erpBatchFailure") Throwable failure) {
        long started = System.nanoTime();
        List<ErpInsertOutcome> done = batch.outcomes();
        done.addAll(batch.skipped());
        if (failure != null) {
            log.info("A batch of {} orders could not be stored in the ERP together ({}): one by one instead", batch.getEntries().size(),
                    failure.toString());
            batch.getEntries().forEach(e -> batch.oneByOne().add(e.order().id()));
        } else {
            List<ShopOrderRepository.StoredMark> marks = new ArrayList<>();
            Map<Long, String> customerCodes = new HashMap<>();
            Map<Long, String> shipToCodes = new HashMap<>();
            for (ErpBatch.Entry e : batch.getEntries()) {
                ErpDocumentRef ref = batch.stored().get(e.draft().idempotencyRef());
                ShopOrder order = e.order();
                marks.add(new ShopOrderRepository.StoredMark(order.id(), e.draft().idempotencyRef(), ref.series(), ref.number()));
                customerCodes.putIfAbsent(order.customerId(), ref.customerCode());
                if (order.shipAddressId() != null && ref.shipToCode() != null) {
                    shipToCodes.putIfAbsent(order.shipAddressId(), ref.shipToCode());
                }
                done.add(new ErpInsertOutcome(order.id(), order.amazonOrderId(),
                        ref.created() ? ErpInsertOutcome.Kind.STORED : ErpInsertOutcome.Kind.ALREADY_STORED, ref.documentNumber(), null));
            }
            shopTx.executeWithoutResult(tx -> {
                orders.markStoredAll(marks);
                customers.setErpCodes(customerCodes, shipToCodes);
            });
        }
        log.debug("Closed {} in {} ms", batch, (System.nanoTime() - started) / 1_000_000);
        return batch.oneByOne();
    }

    /** The document the ERP gets for this order, from what the shop holds of it. */
    ErpDocumentDraft draft(ShopOrder order, Customer customer, Address shipTo, Map<Long, String> itemCodes,
                           List<AmazonOrderAmountLines.Line> lines) {
        boolean amazon = order.origin() == OrderOrigin.AMAZON;
        AmazonProperties.Account account = amazon ? amazonProperties.account(order.amazonAccountId()) : null;
        if (amazon && account == null) {
            throw new IllegalStateException("Amazon account '" + order.amazonAccountId() + "' is no longer configured (ponte.amazon.accounts)");
        }
        String series = amazon ? account.orderSeries() : erpProperties.webOrderSeries();
        String ledger = amazon ? account.customerLedger() : erpProperties.webCustomerLedger();
        String expenseItem = amazon ? account.shippingExpenseItem() : erpProperties.shippingExpenseItem();
        String ref = amazon ? "AMZ:" + order.amazonAccountId() + ":" + order.amazonOrderId() : "WEB:" + order.id();

        Map<Integer, AmazonOrderAmountLines.Line> itemLines = new HashMap<>();
        lines.stream().filter(l -> l.rowLineNo() != null).forEach(l -> itemLines.put(l.rowLineNo(), l));
        List<ErpDocumentDraft.Row> rows = new ArrayList<>();
        for (ShopOrder.OrderRow r : order.rows()) {
            String code = r.productId() != null && itemCodes.containsKey(r.productId()) ? itemCodes.get(r.productId()) : r.sku();
            AmazonOrderAmountLines.Line line = itemLines.get(r.lineNo());
            rows.add(new ErpDocumentDraft.Row(ErpDocumentDraft.RowKind.ITEM, code, r.title(), BigDecimal.valueOf(r.quantity()),
                    r.unitPrice(), line == null ? null : line.vatAmount(), r.amazonOrderItemId()));
        }
        Boolean pricesIncludeVat = null;
        if (!lines.isEmpty()) {
            // the order's charges as Amazon gave them: expense rows, and promotions and discounts as a discount row
            pricesIncludeVat = lines.get(0).vatIncluded();
            for (AmazonOrderAmountLines.Line l : lines) {
                if (l.rowLineNo() == null) {
                    rows.add(chargeRow(l, account));
                }
            }
        } else if (order.shippingTotal() != null && order.shippingTotal().signum() > 0) {
            rows.add(new ErpDocumentDraft.Row(ErpDocumentDraft.RowKind.EXPENSE, expenseItem, "Spese di trasporto", BigDecimal.ONE,
                    order.shippingTotal(), null));
        }
        if (amazon) {
            rows.add(new ErpDocumentDraft.Row(ErpDocumentDraft.RowKind.NOTE, null,
                    "Ordine Amazon " + order.amazonOrderId() + " del " + NOTE_DATE.format(order.orderDate()), BigDecimal.ZERO,
                    BigDecimal.ZERO, order.amazonOrderId()));
        }
        ErpDocumentDraft.CustomerAccount account1 = new ErpDocumentDraft.CustomerAccount(customer.erpCode(), ledger,
                "SHOP-C" + customer.id(), customer.displayName(), customer.email(), customer.phone(),
                shipTo == null ? null : shipTo.line1(), shipTo == null ? null : shipTo.city(), shipTo == null ? null : shipTo.province(),
                shipTo == null ? null : shipTo.postalCode(), shipTo == null ? null : shipTo.countryCode(), customer.vatNumber());
        ErpDocumentDraft.ShipTo erpShipTo = shipTo == null ? null : new ErpDocumentDraft.ShipTo(shipTo.erpShipToCode(),
                "SHOP-A" + shipTo.id(), shipTo.name(), shipTo.line1(), shipTo.line2(), shipTo.city(), shipTo.province(),
                shipTo.postalCode(), shipTo.countryCode());
        ErpDocumentDraft draft = new ErpDocumentDraft(ref, series, order.orderDate().atZone(ITALY).toLocalDate(), order.currency(),
                order.orderTotal(), pricesIncludeVat, amazon ? order.amazonOrderId() : "WEB-" + order.id(), account1, erpShipTo, rows);
        if (!lines.isEmpty() && draft.rowsTotal().compareTo(order.orderTotal()) != 0) {
            // never a document whose rows do not give its total: the order stays REGISTERED with the difference
            throw new IllegalStateException("le righe del documento danno " + draft.rowsTotal().toPlainString() + " " + order.currency()
                    + ", il totale dell'ordine è " + order.orderTotal().toPlainString() + " " + order.currency() + ": differenza "
                    + order.orderTotal().subtract(draft.rowsTotal()).toPlainString() + " " + order.currency());
        }
        return draft;
    }

    /** An Amazon charge as its document row: shipping, gift wrap and other charges as expense items, a discount as a discount row. */
    private static ErpDocumentDraft.Row chargeRow(AmazonOrderAmountLines.Line l, AmazonProperties.Account account) {
        return switch (l.kind()) {
            case "SHIPPING" -> new ErpDocumentDraft.Row(ErpDocumentDraft.RowKind.EXPENSE, account.shippingExpenseItem(), "Spese di trasporto",
                    BigDecimal.ONE, l.amount(), l.vatAmount(), null);
            case "GIFT_WRAP" -> new ErpDocumentDraft.Row(ErpDocumentDraft.RowKind.EXPENSE, account.giftWrapExpenseItem(), "Confezione regalo",
                    BigDecimal.ONE, l.amount(), l.vatAmount(), null);
            case "COD_FEE" -> new ErpDocumentDraft.Row(ErpDocumentDraft.RowKind.EXPENSE, account.otherExpenseItem(), "Spese di contrassegno",
                    BigDecimal.ONE, l.amount(), l.vatAmount(), null);
            case "DISCOUNT" -> new ErpDocumentDraft.Row(ErpDocumentDraft.RowKind.DISCOUNT, account.discountItem(),
                    l.note() == null ? "Sconto Amazon" : "Sconto Amazon (promozione " + l.note() + ")", BigDecimal.ONE, l.amount(),
                    l.vatAmount(), l.note());
            default -> new ErpDocumentDraft.Row(ErpDocumentDraft.RowKind.EXPENSE, account.otherExpenseItem(), "Altri addebiti Amazon",
                    BigDecimal.ONE, l.amount(), l.vatAmount(), null);
        };
    }
}
