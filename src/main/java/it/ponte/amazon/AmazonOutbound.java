package it.ponte.amazon;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.shop.ShopOrder;
import it.ponte.shop.ShopOrderRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells Amazon what happened on our side (the Amazon outbound phase): pending shipments through
 * {@code confirmShipment}; pending cancellations and refunds batched, per account, into one feed each. An order
 * reaches its final state only when Amazon accepted its own message; otherwise it stays pending with the
 * reason, and the next run tries again.
 */
@Component("amazonOutbound")
public class AmazonOutbound {

    private static final Logger log = LoggerFactory.getLogger(AmazonOutbound.class);
    private static final Map<String, String> CARRIER_CODES = Map.of("ups", "UPS", "dhl", "DHL", "fedex", "FedEx", "gls", "GLS",
            "brt", "BRT", "tnt", "TNT", "sda", "SDA", "poste italiane", "Poste Italiane");

    private final AmazonOutbox outbox;
    private final AmazonProperties properties;
    private final ShopOrderRepository orders;
    private final AmazonOrderTransitions transitions;
    private final SpApiClient client;
    private final AmazonFeedsApi feeds;
    private final ObjectMapper json;
    private final Duration feedWait;

    public AmazonOutbound(AmazonOutbox outbox, AmazonProperties properties, ShopOrderRepository orders, AmazonOrderTransitions transitions,
                          SpApiClient client, AmazonFeedsApi feeds, ObjectMapper json,
                          @Value("${ponte.amazon.outbound.feed-wait:60s}") Duration feedWait) {
        this.outbox = outbox;
        this.properties = properties;
        this.orders = orders;
        this.transitions = transitions;
        this.client = client;
        this.feeds = feeds;
        this.json = json;
        this.feedWait = feedWait;
    }

    /** What one outbound phase did. */
    public record OutboundReport(int confirmed, int failed, int stillPending, List<String> problems) {
    }

    public OutboundReport run() {
        Tally tally = new Tally();
        confirmShipments(tally);
        settleFeeds(tally, Duration.ZERO);
        submitFeeds(OutboundKind.CANCEL, tally);
        submitFeeds(OutboundKind.REFUND, tally);
        settleFeeds(tally, feedWait);
        return new OutboundReport(tally.confirmed, tally.failed, outbox.inFlight().size(), List.copyOf(tally.problems));
    }

    void confirmShipments(Tally tally) {
        for (AmazonOutbox.Entry entry : outbox.pending(OutboundKind.SHIPMENT)) {
            AmazonProperties.Account account = properties.account(entry.accountId());
            ShopOrder order = orders.find(entry.orderId()).orElse(null);
            if (account == null || order == null) {
                tally.fail(entry, "account or order missing", outbox);
                continue;
            }
            try {
                client.post(account, SpApiOperation.CONFIRM_SHIPMENT,
                        "/orders/v0/orders/" + URLEncoder.encode(order.amazonOrderId(), StandardCharsets.UTF_8) + "/shipmentConfirmation",
                        json.writeValueAsString(shipment(order)));
                transitions.completed(order.id(), OutboundKind.SHIPMENT);
                tally.confirmed++;
            } catch (SpApiException e) {
                tally.fail(entry, e.getMessage(), outbox);
            } catch (IOException e) {
                tally.fail(entry, e.toString(), outbox);
            }
        }
    }

    void submitFeeds(OutboundKind kind, Tally tally) {
        Map<String, List<AmazonOutbox.Entry>> byAccount = outbox.pending(kind).stream()
                .collect(Collectors.groupingBy(AmazonOutbox.Entry::accountId, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<AmazonOutbox.Entry>> group : byAccount.entrySet()) {
            AmazonProperties.Account account = properties.account(group.getKey());
            if (account == null) {
                group.getValue().forEach(e -> tally.fail(e, "account " + group.getKey() + " no longer configured", outbox));
                continue;
            }
            List<FeedXml.Message> messages = new ArrayList<>();
            Map<Integer, AmazonOutbox.Entry> byMessage = new LinkedHashMap<>();
            int messageId = 1;
            for (AmazonOutbox.Entry entry : group.getValue()) {
                ShopOrder order = orders.find(entry.orderId()).orElse(null);
                if (order == null) {
                    continue;
                }
                messages.add(message(messageId, order, kind));
                byMessage.put(messageId++, entry);
            }
            if (messages.isEmpty()) {
                continue;
            }
            String xml = kind == OutboundKind.CANCEL ? FeedXml.cancellations(account.sellerId(), messages) : FeedXml.refunds(account.sellerId(), messages);
            try {
                AmazonFeedsApi.Feed feed = feeds.submit(account, kind == OutboundKind.CANCEL ? FeedXml.CANCEL_FEED : FeedXml.REFUND_FEED, xml);
                byMessage.forEach((id, entry) -> outbox.markSent(entry.id(), feed.feedId(), id));
                log.info("Amazon feed {} submitted for account {}: {} {} messages", feed.feedId(), account.id(), messages.size(), kind);
            } catch (SpApiException e) {
                byMessage.values().forEach(entry -> tally.fail(entry, e.getMessage(), outbox));
            }
        }
    }

    /** Reads the results of submitted feeds; waits up to {@code wait} for feeds Amazon is still processing. */
    void settleFeeds(Tally tally, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Map<String, List<AmazonOutbox.Entry>> byFeed = outbox.inFlight().stream()
                    .collect(Collectors.groupingBy(AmazonOutbox.Entry::feedId, LinkedHashMap::new, Collectors.toList()));
            boolean waiting = false;
            for (Map.Entry<String, List<AmazonOutbox.Entry>> group : byFeed.entrySet()) {
                waiting |= !settle(group.getKey(), group.getValue(), tally);
            }
            if (!waiting || System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(Math.min(2000, Math.max(100, wait.toMillis() / 20)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** True when the feed is settled (done, failed or cancelled), false while Amazon is still working on it. */
    private boolean settle(String feedId, List<AmazonOutbox.Entry> entries, Tally tally) {
        AmazonProperties.Account account = properties.account(entries.get(0).accountId());
        if (account == null) {
            return true;
        }
        try {
            AmazonFeedsApi.Feed feed = feeds.getFeed(account, feedId);
            switch (feed.processingStatus()) {
                case "DONE" -> {
                    String report = feeds.processingReport(account, feed.resultFeedDocumentId());
                    Map<Integer, FeedXml.Result> results = FeedXml.results(report, entries.stream().map(AmazonOutbox.Entry::messageId).toList());
                    for (AmazonOutbox.Entry entry : entries) {
                        FeedXml.Result result = results.get(entry.messageId());
                        if (result != null && result.success()) {
                            transitions.completed(entry.orderId(), entry.kind());
                            tally.confirmed++;
                        } else {
                            tally.fail(entry, "Amazon ha rifiutato il messaggio " + entry.messageId() + " del feed " + feedId + ": "
                                    + (result == null ? "nessun esito" : result.description()), outbox);
                        }
                    }
                    return true;
                }
                case "FATAL", "CANCELLED" -> {
                    entries.forEach(e -> tally.fail(e, "feed " + feedId + " " + feed.processingStatus() + " at Amazon", outbox));
                    return true;
                }
                default -> {
                    entries.forEach(e -> outbox.stillProcessing(e.id(), feed.processingStatus()));
                    return false;
                }
            }
        } catch (SpApiException e) {
            // The feed stays SENT: its outcome is read next run, never resubmitted blindly.
            tally.problems.add("Feed " + feedId + ": " + e.getMessage());
            return true;
        }
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

    private Map<String, Object> shipment(ShopOrder order) {
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

    static final class Tally {
        int confirmed;
        int failed;
        final List<String> problems = new ArrayList<>();

        void fail(AmazonOutbox.Entry entry, String error, AmazonOutbox outbox) {
            failed++;
            problems.add("Ordine Amazon " + entry.amazonOrderId() + " (" + entry.kind() + "): " + error);
            outbox.failed(entry.id(), error);
        }
    }
}
