package it.ponte.amazon;

import it.ponte.shop.ShopOrder;
import it.ponte.shop.ShopOrderRepository;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of the {@code amazon-outbound} routes, which tell Amazon what happened on our side: pending shipments
 * through {@code confirmShipment}, one record at a time; pending cancellations and refunds batched, per account, into
 * one feed each; feeds already at Amazon settled from their processing reports. An order reaches its final state only
 * when Amazon accepted its own message; otherwise it stays pending with the reason, and the next run tries again.
 */
@Component("amazonOutbound")
public class AmazonOutbound {

    public static final String TALLY = "amazonOutboundTally";
    public static final String FEED = "amazonFeed";
    private static final Logger log = LoggerFactory.getLogger(AmazonOutbound.class);
    private static final Map<String, String> CARRIER_CODES = Map.of("ups", "UPS", "dhl", "DHL", "fedex", "FedEx", "gls", "GLS",
            "brt", "BRT", "tnt", "TNT", "sda", "SDA", "poste italiane", "Poste Italiane");

    private final AmazonOutbox outbox;
    private final AmazonProperties properties;
    private final ShopOrderRepository orders;
    private final AmazonOrderTransitions transitions;

    public AmazonOutbound(AmazonOutbox outbox, AmazonProperties properties, ShopOrderRepository orders, AmazonOrderTransitions transitions) {
        this.outbox = outbox;
        this.properties = properties;
        this.orders = orders;
        this.transitions = transitions;
    }

    /** What one outbound phase did. */
    public record OutboundReport(int confirmed, int failed, int stillPending, List<String> problems) {
    }

    /** One feed to submit: an account's pending cancellations or refunds, each a numbered message. */
    public record FeedBatch(AmazonProperties.Account account, OutboundKind kind, List<AmazonOutbox.Entry> entries) {
    }

    public OutboundTally start() {
        return new OutboundTally();
    }

    public OutboundReport report(@ExchangeProperty(TALLY) OutboundTally tally) {
        return new OutboundReport(tally.confirmedCount(), tally.failedCount(), outbox.inFlight().size(), tally.problems());
    }

    // ---- shipments: one confirmShipment per command ----------------------------------------------------------------

    public List<AmazonOutbox.Entry> pendingShipments() {
        return outbox.pending(OutboundKind.SHIPMENT);
    }

    public AmazonOutbox.Owed owed(@Body AmazonOutbox.Entry entry, @ExchangeProperty(TALLY) OutboundTally tally) {
        return new AmazonOutbox.Owed(List.of(entry), tally);
    }

    /** The body of confirmShipment (Orders v0) for the command's order; the route marshals it. */
    public Map<String, Object> shipment(@Body AmazonOutbox.Entry entry) {
        ShopOrder order = orders.find(entry.orderId())
                .orElseThrow(() -> new IllegalStateException("shop order " + entry.orderId() + " not found"));
        String code = CARRIER_CODES.get(order.carrier() == null ? "" : order.carrier().trim().toLowerCase(Locale.ROOT));
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("packageReferenceId", "1");
        pkg.put("carrierCode", code == null ? "Other" : code);
        if (code == null) {
            pkg.put("carrierName", order.carrier());
        }
        pkg.put("trackingNumber", order.trackingNumber());
        pkg.put("shipDate", DateTimeFormatter.ISO_INSTANT.format(order.shipDate().truncatedTo(ChronoUnit.SECONDS)));
        pkg.put("orderItems", order.rows().stream().map(r -> Map.of("orderItemId", r.amazonOrderItemId(), "quantity", r.quantity())).toList());
        return Map.of("marketplaceId", order.marketplaceId() == null ? "APJ6JRA9NG5V4" : order.marketplaceId(), "packageDetail", pkg);
    }

    public SpApiCall confirmShipmentCall(@ExchangeProperty("ponteRecord") AmazonOutbox.Owed owed, @Body String json) {
        AmazonOutbox.Entry entry = owed.entries().get(0);
        return SpApiCall.api(account(entry.accountId()), SpApiOperation.CONFIRM_SHIPMENT, "POST",
                "/orders/v0/orders/" + SpApiCall.encode(entry.amazonOrderId()) + "/shipmentConfirmation", Map.of(), json);
    }

    /** Amazon accepted the shipment: the order is SHIPPED, the command DONE. */
    public void accepted(@ExchangeProperty("ponteRecord") AmazonOutbox.Owed owed) {
        for (AmazonOutbox.Entry entry : owed.entries()) {
            transitions.completed(entry.orderId(), entry.kind());
            owed.tally().confirmed();
        }
    }

    // ---- cancellations and refunds: one feed per account and kind -------------------------------------------------

    /** Pending cancellations, then pending refunds, grouped by account, each group one feed. */
    public List<FeedBatch> feedBatches() {
        List<FeedBatch> batches = new ArrayList<>();
        for (OutboundKind kind : List.of(OutboundKind.CANCEL, OutboundKind.REFUND)) {
            Map<String, List<AmazonOutbox.Entry>> byAccount = outbox.pending(kind).stream()
                    .collect(Collectors.groupingBy(AmazonOutbox.Entry::accountId, LinkedHashMap::new, Collectors.toList()));
            byAccount.forEach((accountId, entries) -> batches.add(new FeedBatch(properties.account(accountId), kind, entries)));
        }
        return batches;
    }

    public AmazonOutbox.Owed owedFeed(@Body FeedBatch batch, @ExchangeProperty(TALLY) OutboundTally tally) {
        return new AmazonOutbox.Owed(batch.entries(), tally);
    }

    /** The feed's XML, message n for the n-th command, and what the feed route submits. */
    public AmazonFeedsApi.Submission submission(@Body FeedBatch batch) {
        if (batch.account() == null) {
            throw new IllegalStateException("account " + batch.entries().get(0).accountId() + " is no longer configured");
        }
        List<FeedXml.Message> messages = new ArrayList<>();
        int messageId = 1;
        for (AmazonOutbox.Entry entry : batch.entries()) {
            ShopOrder order = orders.find(entry.orderId())
                    .orElseThrow(() -> new IllegalStateException("shop order " + entry.orderId() + " not found"));
            messages.add(message(messageId++, order, batch.kind()));
        }
        String sellerId = batch.account().sellerId();
        boolean cancel = batch.kind() == OutboundKind.CANCEL;
        return new AmazonFeedsApi.Submission(batch.account(), cancel ? FeedXml.CANCEL_FEED : FeedXml.REFUND_FEED,
                cancel ? FeedXml.cancellations(sellerId, messages) : FeedXml.refunds(sellerId, messages));
    }

    /** The feed is at Amazon: its commands are SENT, each with its message number, and never sent again meanwhile. */
    public void feedSubmitted(@ExchangeProperty("ponteRecord") AmazonOutbox.Owed owed, @Body AmazonFeedsApi.Feed feed) {
        int messageId = 1;
        for (AmazonOutbox.Entry entry : owed.entries()) {
            outbox.markSent(entry.id(), feed.feedId(), messageId++);
        }
        log.info("Amazon feed {} submitted: {} {} messages", feed.feedId(), owed.entries().size(), feed.feedType());
    }

    // ---- settling feeds already at Amazon ----------------------------------------------------------------------------

    public List<AmazonOutbox.InFlightFeed> inFlightFeeds(@ExchangeProperty(TALLY) OutboundTally tally) {
        return outbox.inFlightFeeds(tally);
    }

    /** Whether some feed is still in Amazon's hands: the phase waits a little for it, a bounded number of times. */
    public boolean awaitingFeeds() {
        return !outbox.inFlight().isEmpty();
    }

    public AmazonProperties.Account feedAccount(@Body AmazonOutbox.InFlightFeed feed) {
        return account(feed.accountId());
    }

    /** The processing report of a DONE feed, message by message: accepted orders become final, refused ones stay owed. */
    public void feedDone(@ExchangeProperty("ponteRecord") AmazonOutbox.InFlightFeed feed, @Body String report) {
        Map<Integer, FeedXml.Result> results = FeedXml.results(report, feed.entries().stream().map(AmazonOutbox.Entry::messageId).toList());
        for (AmazonOutbox.Entry entry : feed.entries()) {
            FeedXml.Result result = results.get(entry.messageId());
            if (result != null && result.success()) {
                transitions.completed(entry.orderId(), entry.kind());
                feed.tally().confirmed();
            } else {
                String reason = "Amazon ha rifiutato il messaggio " + entry.messageId() + " del feed " + feed.feedId() + ": "
                        + (result == null ? "nessun esito" : result.description());
                refused(entry, reason, feed.tally());
            }
        }
    }

    /** A feed Amazon could not process (FATAL, CANCELLED): every command of it is owed again. */
    public void feedFailed(@ExchangeProperty("ponteRecord") AmazonOutbox.InFlightFeed feed, @Body AmazonFeedsApi.Feed status) {
        feed.entries().forEach(e -> refused(e, "feed " + feed.feedId() + " " + status.processingStatus() + " at Amazon", feed.tally()));
    }

    public void feedProcessing(@ExchangeProperty("ponteRecord") AmazonOutbox.InFlightFeed feed, @Body AmazonFeedsApi.Feed status) {
        feed.entries().forEach(e -> outbox.stillProcessing(e.id(), status.processingStatus()));
    }

    private void refused(AmazonOutbox.Entry entry, String reason, OutboundTally tally) {
        boolean parked = outbox.refused(entry.id(), reason) == it.ponte.outbox.OutboxLifecycle.State.PARKED;
        tally.refused("Ordine Amazon " + entry.amazonOrderId() + " (" + entry.kind() + "): " + reason
                + (parked ? " (parcheggiato: riprova da /api/amazon/parked)" : ""));
    }

    private AmazonProperties.Account account(String accountId) {
        AmazonProperties.Account account = properties.account(accountId);
        if (account == null) {
            throw new IllegalStateException("account " + accountId + " is no longer configured");
        }
        return account;
    }

    private FeedXml.Message message(int messageId, ShopOrder order, OutboundKind kind) {
        List<FeedXml.Item> items = new ArrayList<>();
        BigDecimal shipping = order.shippingTotal();
        for (ShopOrder.OrderRow row : order.rows()) {
            items.add(new FeedXml.Item(row.amazonOrderItemId(), row.rowTotal(), items.isEmpty() ? shipping : BigDecimal.ZERO));
        }
        return new FeedXml.Message(messageId, order.amazonOrderId(), items,
                kind == OutboundKind.CANCEL ? order.cancelReason() : order.refundReason(), order.currency());
    }
}
