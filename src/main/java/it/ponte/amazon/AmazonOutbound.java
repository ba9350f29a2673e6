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
import org.apache.camel.Exchange;
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

    private final AmazonOutbox outbox;
    private final AmazonProperties properties;
    private final ShopOrderRepository orders;
    private final AmazonOrderTransitions transitions;
    private final AmazonOutboundProperties outbound;

    public AmazonOutbound(AmazonOutbox outbox, AmazonProperties properties, ShopOrderRepository orders, AmazonOrderTransitions transitions,
                          AmazonOutboundProperties outbound) {
        this.outbox = outbox;
        this.properties = properties;
        this.orders = orders;
        this.transitions = transitions;
        this.outbound = outbound;
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

    /**
     * The body of confirmShipment (Orders v0) for the command's order; the route marshals it. {@code carrierCode} and
     * {@code trackingNumber} are required: the shop's carrier name maps to Amazon's code ({@code ponte.amazon.carrier-codes}),
     * else {@code Other} with the name. {@code packageReferenceId} is the command's own id, the same at every retry, so a
     * retry after a lost answer edits the package Amazon already has instead of adding a second one.
     */
    public Map<String, Object> shipment(@Body AmazonOutbox.Entry entry) {
        ShopOrder order = orders.find(entry.orderId())
                .orElseThrow(() -> new IllegalStateException("shop order " + entry.orderId() + " not found"));
        String carrier = order.carrier() == null ? "" : order.carrier().trim();
        String tracking = order.trackingNumber() == null ? "" : order.trackingNumber().trim();
        if (carrier.isEmpty() || tracking.isEmpty() || order.shipDate() == null) {
            throw new ShipmentNotConfirmable("Amazon richiede vettore, data di spedizione e numero di tracking: manca "
                    + String.join(", ", missing(carrier, tracking, order)) + " (da indicare nel gestionale o con la spedizione manuale)");
        }
        String code = outbound.carrierCode(carrier);
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("packageReferenceId", String.valueOf(entry.id()));
        pkg.put("carrierCode", code == null ? AmazonOutboundProperties.OTHER_CARRIER : code);
        if (code == null) {
            pkg.put("carrierName", carrier);
        }
        pkg.put("trackingNumber", tracking);
        pkg.put("shipDate", DateTimeFormatter.ISO_INSTANT.format(order.shipDate().truncatedTo(ChronoUnit.SECONDS)));
        pkg.put("orderItems", order.rows().stream().map(r -> Map.of("orderItemId", r.amazonOrderItemId(), "quantity", r.quantity())).toList());
        return Map.of("marketplaceId", order.marketplaceId() == null ? "APJ6JRA9NG5V4" : order.marketplaceId(), "packageDetail", pkg);
    }

    private static List<String> missing(String carrier, String tracking, ShopOrder order) {
        List<String> missing = new ArrayList<>();
        if (carrier.isEmpty()) {
            missing.add("il vettore");
        }
        if (order.shipDate() == null) {
            missing.add("la data di spedizione");
        }
        if (tracking.isEmpty()) {
            missing.add("il numero di tracking");
        }
        return missing;
    }

    /** Whether the failed confirmShipment was Amazon's 400: a refusal resending cannot change (e.g. a Ship+ order). */
    public boolean refusedForGood(Exchange exchange) {
        return amazonFailure(exchange).map(e -> e.status() == 400).orElse(false);
    }

    /** Amazon answered 400: the command is parked at once with Amazon's reason, its order stays PENDING_SHIPMENT. */
    public void shipmentRefused(@ExchangeProperty("ponteRecord") AmazonOutbox.Owed owed, Exchange exchange) {
        String reason = amazonFailure(exchange).map(SpApiException::getMessage).orElse("HTTP 400");
        for (AmazonOutbox.Entry entry : owed.entries()) {
            outbox.park(entry.id(), reason);
            owed.tally().refused("Ordine Amazon " + entry.amazonOrderId() + " (SHIPMENT): Amazon ha rifiutato la conferma di spedizione: "
                    + reason + " (parcheggiato: un nuovo invio avrebbe lo stesso esito; verificare l'ordine in Seller Central, "
                    + "poi riprovare da /api/amazon/parked)");
        }
    }

    private static java.util.Optional<SpApiException> amazonFailure(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SpApiException amazon) {
                return java.util.Optional.of(amazon);
            }
        }
        return java.util.Optional.empty();
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

    /**
     * Pending cancellations, then pending refunds, grouped by account, each group one feed, within Amazon's limits: at
     * most one feed of a type per account every {@code ponte.amazon.outbound.feed-interval} (the commands wait and go
     * together in the next one) and under {@code feed-max-bytes} (what does not fit waits for the next feed).
     */
    public List<FeedBatch> feedBatches() {
        List<FeedBatch> batches = new ArrayList<>();
        for (OutboundKind kind : List.of(OutboundKind.CANCEL, OutboundKind.REFUND)) {
            String feedType = feedType(kind);
            Map<String, List<AmazonOutbox.Entry>> byAccount = outbox.pending(kind).stream()
                    .collect(Collectors.groupingBy(AmazonOutbox.Entry::accountId, LinkedHashMap::new, Collectors.toList()));
            byAccount.forEach((accountId, entries) -> {
                AmazonProperties.Account account = properties.account(accountId);
                java.time.Duration since = outbox.sinceLastFeed(accountId, feedType).orElse(null);
                java.time.Duration interval = outbound.outbound().feedInterval();
                if (account != null && since != null && since.compareTo(interval) < 0) {
                    String note = "in attesa del prossimo feed " + feedType + ": Amazon ne accetta uno per account ogni "
                            + interval.toMinutes() + " minuti (il prossimo tra " + Math.max(1, interval.minus(since).toSeconds() / 60 + 1) + " minuti)";
                    entries.forEach(e -> outbox.note(e.id(), note));
                    log.info("Amazon {} feed of account {} waits: {} commands, {}", feedType, accountId, entries.size(), note);
                    return;
                }
                batches.add(new FeedBatch(account, kind, fitting(account, feedType, entries)));
            });
        }
        return batches;
    }

    /** The commands whose messages fit under the size limit, oldest first; at least one, so nothing is stuck behind it. */
    private List<AmazonOutbox.Entry> fitting(AmazonProperties.Account account, String feedType, List<AmazonOutbox.Entry> entries) {
        if (account == null) {
            return entries;
        }
        long bytes = FeedXml.envelopeBytes(feedType, account.sellerId());
        List<AmazonOutbox.Entry> fitting = new ArrayList<>();
        int messageId = 1;
        for (AmazonOutbox.Entry entry : entries) {
            java.util.Optional<ShopOrder> order = orders.find(entry.orderId());
            long size = order.map(o -> (long) FeedXml.messageBytes(feedType, message(0, o, entry.kind()))).orElse(0L);
            // message numbers grow by a few digits at most: the size of "0" plus a margin covers them
            size += String.valueOf(messageId).length();
            if (!fitting.isEmpty() && bytes + size > outbound.outbound().feedMaxBytes()) {
                String note = "in attesa del prossimo feed " + feedType + ": il feed di questa sincronizzazione ha raggiunto il limite di "
                        + outbound.outbound().feedMaxBytes() + " byte";
                entries.subList(fitting.size(), entries.size()).forEach(e -> outbox.note(e.id(), note));
                log.info("Amazon {} feed of account {}: {} of {} commands fit under {} bytes, the rest waits", feedType, account.id(),
                        fitting.size(), entries.size(), outbound.outbound().feedMaxBytes());
                break;
            }
            bytes += size;
            fitting.add(entry);
            messageId++;
        }
        return fitting;
    }

    private static String feedType(OutboundKind kind) {
        return kind == OutboundKind.CANCEL ? FeedXml.CANCEL_FEED : FeedXml.REFUND_FEED;
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
        String feedType = feedType(batch.kind());
        return new AmazonFeedsApi.Submission(batch.account(), feedType, FeedXml.feed(feedType, sellerId, messages));
    }

    /** The feed is at Amazon: its commands are SENT, each with its message number, and never sent again meanwhile. */
    public void feedSubmitted(@ExchangeProperty("ponteRecord") AmazonOutbox.Owed owed, @Body AmazonFeedsApi.Feed feed,
                              @ExchangeProperty(AmazonFeedsApi.SUBMISSION) AmazonFeedsApi.Submission submission) {
        outbox.feedCreated(feed.feedId(), submission.account().id(), submission.feedType(), owed.entries().size(),
                submission.xml().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
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

    /**
     * Whether the phase waits for Amazon once more: a feed is still in its hands and the phase has not waited
     * {@code polls} times yet (counted in exchange property amazonFeedPolls).
     */
    public boolean awaitFeedsAgain(org.apache.camel.Exchange exchange, int polls) {
        int waited = exchange.getProperty(FEED_POLLS, 0, Integer.class);
        if (waited >= polls || !awaitingFeeds()) {
            return false;
        }
        exchange.setProperty(FEED_POLLS, waited + 1);
        return true;
    }

    private static final String FEED_POLLS = "amazonFeedPolls";

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

    /**
     * A feed Amazon could not process. CANCELLED: nothing was applied, its commands are owed again. FATAL: "some, none
     * or all" of its messages may have been applied; a cancellation may go again, but a refund is never resent without
     * a person's decision: parked at once with the reason, its order still PENDING_REFUND.
     */
    public void feedFailed(@ExchangeProperty("ponteRecord") AmazonOutbox.InFlightFeed feed, @Body AmazonFeedsApi.Feed status) {
        for (AmazonOutbox.Entry entry : feed.entries()) {
            if ("FATAL".equals(status.processingStatus()) && entry.kind() == OutboundKind.REFUND) {
                String reason = "feed " + feed.feedId() + " FATAL presso Amazon: il rimborso può essere stato applicato oppure no. "
                        + "Parcheggiato per una decisione: Ponte non lo reinvia da solo; verificare in Seller Central e, solo se il "
                        + "rimborso manca, riprovare da /api/amazon/parked";
                outbox.park(entry.id(), reason);
                feed.tally().refused("Ordine Amazon " + entry.amazonOrderId() + " (REFUND): " + reason);
            } else {
                refused(entry, "feed " + feed.feedId() + " " + status.processingStatus() + " at Amazon", feed.tally());
            }
        }
    }

    /** getFeeds for an unconfirmed feed: the account's feeds of its type created since a little before Ponte asked for it. */
    public SpApiCall listFeedsCall(@ExchangeProperty("ponteRecord") AmazonOutbox.InFlightFeed feed) {
        java.time.Instant asked = outbox.feedSubmittedAt(feed.feedId()).orElse(java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        return AmazonFeedsApi.listFeedsCall(account(feed.accountId()), feedType(feed.entries().get(0).kind()),
                asked.minus(java.time.Duration.ofMinutes(2)));
    }

    /**
     * What getFeeds says about a feed whose createFeed answer was lost. One feed Ponte does not know: it is that feed,
     * adopted, and settled from its report like any other. None: once {@code ponte.amazon.outbound.unconfirmed-feed-grace}
     * has passed, Amazon did not create it and its commands are owed again (a transient failure, not counted). More than
     * one: Ponte cannot tell which is its own, so the commands are parked for a person (never sent a second time blindly).
     */
    public void reconcile(@ExchangeProperty("ponteRecord") AmazonOutbox.InFlightFeed feed, @Body AmazonFeedsApi.FeedList list) {
        java.util.Set<String> known = outbox.knownFeedIds(feed.accountId());
        List<AmazonFeedsApi.Feed> unknown = list.feeds().stream().filter(f -> f.feedId() != null && !known.contains(f.feedId())).toList();
        if (unknown.size() == 1) {
            String feedId = unknown.get(0).feedId();
            outbox.adoptFeed(feed.feedId(), feedId);
            log.info("Amazon feed {} found with getFeeds: it is the one whose createFeed answer was lost ({} commands)", feedId,
                    feed.entries().size());
            return;
        }
        if (unknown.size() > 1) {
            String reason = "la risposta di Amazon alla creazione del feed è andata persa e Amazon elenca " + unknown.size()
                    + " feed sconosciuti a Ponte (" + unknown.stream().map(AmazonFeedsApi.Feed::feedId).collect(Collectors.joining(", "))
                    + "): parcheggiato per non inviarlo due volte; verificare in Seller Central, poi riprovare da /api/amazon/parked";
            for (AmazonOutbox.Entry entry : feed.entries()) {
                outbox.park(entry.id(), reason);
                feed.tally().refused("Ordine Amazon " + entry.amazonOrderId() + " (" + entry.kind() + "): " + reason);
            }
            outbox.forgetFeed(feed.feedId());
            return;
        }
        java.time.Instant asked = outbox.feedSubmittedAt(feed.feedId()).orElse(java.time.Instant.EPOCH);
        if (asked.plus(outbound.outbound().unconfirmedFeedGrace()).isAfter(java.time.Instant.now())) {
            feed.entries().forEach(e -> outbox.note(e.id(), "risposta di Amazon alla creazione del feed persa: Amazon non elenca ancora il feed, "
                    + "verificato di nuovo alla prossima lettura dei feed"));
            return;
        }
        outbox.unsend(feed.feedId(), "risposta di Amazon alla creazione del feed persa e nessun feed creato presso Amazon: "
                + "i comandi tornano in attesa di invio");
        log.info("Amazon lists no feed for the unconfirmed {}: its {} commands are owed again", feed.feedId(), feed.entries().size());
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
