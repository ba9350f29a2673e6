package it.ponte.sandbox.amazon;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The simulated Amazon as one handle for tests and the admin REST calls: put orders in, move them on,
 * inject faults, read what clients sent, and put everything back as it was.
 */
@Component
@Profile("sandbox")
public class AmazonSandbox {

    private final SandboxOrderStore store;
    private final SandboxOrderFactory factory;
    private final AmazonFaults faults;
    private final AmazonRequestLog requests;
    private final SandboxSellers sellers;
    private final LwaTokens tokens;
    private final AmazonRateLimiter rateLimiter;
    private final AmazonSandboxClock clock;
    private final AmazonSandboxProperties properties;
    private final SandboxOrderActivity activity;
    private final SandboxFeeds feeds;
    private final OrderSearchService search;

    public AmazonSandbox(SandboxOrderStore store, SandboxOrderFactory factory, AmazonFaults faults, AmazonRequestLog requests,
                         SandboxSellers sellers, LwaTokens tokens, AmazonRateLimiter rateLimiter, AmazonSandboxClock clock,
                         AmazonSandboxProperties properties, SandboxOrderActivity activity, SandboxFeeds feeds,
                         OrderSearchService search) {
        this.search = search;
        this.store = store;
        this.factory = factory;
        this.faults = faults;
        this.requests = requests;
        this.sellers = sellers;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.properties = properties;
        this.activity = activity;
        this.feeds = feeds;
    }

    public SandboxOrder addOrder(NewOrder order) {
        SandboxOrder created = factory.create(order);
        if (order.orderId() == null) {
            while (store.find(created.orderId()).isPresent()) {
                created = factory.create(order);
            }
        }
        return store.put(created);
    }

    /** Moves an order on, as Amazon does when the buyer pays or the seller ships; the update time becomes now. */
    public SandboxOrder setStatus(String orderId, FulfillmentStatus status) {
        return setStatus(orderId, status, clock.now().truncatedTo(ChronoUnit.SECONDS));
    }

    public SandboxOrder setStatus(String orderId, FulfillmentStatus status, Instant lastUpdatedTime) {
        return store.changeStatus(orderId, status, lastUpdatedTime)
                .orElseThrow(() -> new IllegalArgumentException("no sandbox Amazon order " + orderId));
    }

    /** The order is answered with a createdTime that is not a date (searchOrders and getOrder), until reset. */
    public void malformCreatedTime(String orderId) {
        search.malformCreatedTime(orderId);
    }

    /** Orders are shown as they are again. */
    public void renderOrdersWell() {
        search.clearMalformed();
    }

    /**
     * An order Amazon surfaces late: it is stored now, with its (older) update time, but searchOrders and getOrder
     * show it only after {@link #surface(String)}.
     */
    public SandboxOrder addLateOrder(NewOrder order) {
        SandboxOrder added = addOrder(order);
        search.delaySurfacing(added.orderId());
        return added;
    }

    /** The late order shows up, its update time unchanged: already behind an incremental importer's watermark. */
    public void surface(String orderId) {
        search.surface(orderId);
    }

    /**
     * On: searchOrders answers the seller's orders of every marketplace, whatever marketplaceIds asks (as when an
     * account sells on marketplaces Ponte was not told of); off again by {@link #reset()}.
     */
    public void answerOrdersOfEveryMarketplace(boolean on) {
        search.answerEveryMarketplace(on);
    }

    /**
     * The seller's application has or lacks the roles for personal data (Direct-to-Consumer Shipping): without them
     * every order comes without the buyer's e-mail and the ship-to address; back on with {@link #reset()}.
     */
    public void personalDataRole(String sellerId, boolean granted) {
        search.personalDataRole(sellerId, granted);
    }

    /**
     * searchOrders misbehaving: {@code tokenRepeated}, a page asked with a token carries that same token again (the
     * pagination never ends); {@code pageSizeIgnored}, every matching order comes in one page whatever
     * maxResultsPerPage asks (Amazon allows 100). Off again by {@link #reset()}.
     */
    public void pagination(boolean tokenRepeated, boolean pageSizeIgnored) {
        search.pagination(tokenRepeated, pageSizeIgnored);
    }

    public List<SandboxOrder> orders() {
        return store.all();
    }

    public Optional<SandboxOrder> order(String orderId) {
        return store.find(orderId);
    }

    /** The order with what the seller did to it: shipments confirmed, cancellations and refunds accepted. */
    public SandboxOrderView view(SandboxOrder order) {
        return SandboxOrderView.of(order, activity);
    }

    public List<ShipmentConfirmation> shipmentsOf(String orderId) {
        return activity.shipmentsOf(orderId);
    }

    public List<SandboxCancellation> cancellationsOf(String orderId) {
        return activity.cancellationsOf(orderId);
    }

    public List<SandboxRefund> refundsOf(String orderId) {
        return activity.refundsOf(orderId);
    }

    /** Feeds received, their documents and the switches of their processing. */
    public SandboxFeeds feeds() {
        return feeds;
    }

    public String defaultSellerId() {
        return sellers.defaultSeller().sellerId();
    }

    /** Removes every order, and what sellers did to them. */
    public void clear() {
        store.clear();
        activity.clear();
    }

    /**
     * Everything back to a fresh start: orders and their shipments, cancellations and refunds, feeds and their switches,
     * faults, request log, revocations, issued tokens, buckets, clock, rate settings.
     */
    public void reset() {
        store.clear();
        activity.clear();
        feeds.clear();
        search.reset();
        faults.clear();
        requests.clear();
        sellers.restoreAll();
        tokens.reset();
        rateLimiter.configure(properties.rateLimits().enabled(), properties.rateLimits().timeScale());
        clock.reset();
    }

    public AmazonFaults faults() {
        return faults;
    }

    public AmazonRequestLog requests() {
        return requests;
    }

    public SandboxSellers sellers() {
        return sellers;
    }

    public LwaTokens tokens() {
        return tokens;
    }

    public AmazonRateLimiter rateLimiter() {
        return rateLimiter;
    }

    public AmazonSandboxClock clock() {
        return clock;
    }
}
