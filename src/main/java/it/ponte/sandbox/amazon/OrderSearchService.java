package it.ponte.sandbox.amazon;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** {@code searchOrders} and {@code getOrder} over the order store, for one seller. */
@Component
@Profile("sandbox")
public class OrderSearchService {

    /** Orders rendered with a createdTime that is not a date, to rehearse one malformed order among good ones. */
    private final java.util.Set<String> malformed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Orders Amazon has not surfaced yet: they exist, with their times, but no search or getOrder shows them. */
    private final java.util.Set<String> unsurfaced = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** When on, searchOrders answers orders of every marketplace of the seller, whatever marketplaceIds asks. */
    private volatile boolean everyMarketplace;
    /** A page asked with a token answers that same token again: a pagination that never ends. */
    private volatile boolean tokenRepeated;
    /** Every matching order in one page, whatever maxResultsPerPage asks. */
    private volatile boolean pageSizeIgnored;
    /** Sellers whose application lacks the roles for personal data: their orders come without buyer and recipient. */
    private final java.util.Set<String> withoutPersonalData = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final SandboxOrderStore store;
    private final PageTokens pageTokens;
    private final AmazonSandboxClock clock;

    public OrderSearchService(SandboxOrderStore store, PageTokens pageTokens, AmazonSandboxClock clock) {
        this.store = store;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    public SpApiOrderModel.SearchOrdersResponse search(String sellerId, Map<String, List<String>> params) {
        Instant now = clock.now();
        OrderSearch search = OrderSearchParser.parse(params, now);
        List<String> tokenValues = params.getOrDefault("paginationToken", List.of());
        PageTokens.PageToken cursor = null;
        if (!tokenValues.isEmpty()) {
            // a token is never split on commas: Base64 has none
            cursor = pageTokens.decode(String.join(",", tokenValues), search.fingerprint(), now);
            search = search.withBefore(cursor.appliedBefore());
        }
        OrderSearch applied = search;
        PageTokens.PageToken from = cursor;
        List<SandboxOrder> matching = store.ofSeller(sellerId).stream()
                .filter(o -> !unsurfaced.contains(o.orderId()))
                .filter(o -> everyMarketplace ? applied.withMarketplaces(Set.of()).matches(o) : applied.matches(o))
                .sorted(applied.sortOrder())
                .filter(o -> from == null || isAfterCursor(applied, o, from))
                .toList();
        List<SandboxOrder> page = matching.subList(0, pageSizeIgnored ? matching.size() : Math.min(applied.maxResultsPerPage(), matching.size()));
        SpApiOrderModel.Pagination pagination = null;
        if (tokenRepeated && !tokenValues.isEmpty()) {
            pagination = new SpApiOrderModel.Pagination(String.join(",", tokenValues));
        } else if (matching.size() > page.size()) {
            SandboxOrder last = page.get(page.size() - 1);
            pagination = new SpApiOrderModel.Pagination(pageTokens.encode(new PageTokens.PageToken(applied.fingerprint(),
                    applied.before(), applied.window().of(last), last.orderId(), from == null ? now : from.issuedAt())));
        }
        String before = SpApiOrderRenderer.timestamp(applied.before());
        boolean created = applied.window() == OrderSearch.Window.CREATED;
        return new SpApiOrderModel.SearchOrdersResponse(
                page.stream().map(o -> render(o, applied.includedData())).toList(),
                pagination, created ? null : before, created ? before : null);
    }

    public SpApiOrderModel.GetOrderResponse get(String sellerId, String orderId, Map<String, List<String>> params) {
        Set<IncludedData> included = OrderSearchParser.includedData(params);
        SandboxOrder order = store.find(sellerId, orderId).filter(o -> !unsurfaced.contains(o.orderId()))
                .orElseThrow(() -> SpApiException.notFound("Order " + orderId + " was not found."));
        return new SpApiOrderModel.GetOrderResponse(render(order, included));
    }

    private static boolean isAfterCursor(OrderSearch search, SandboxOrder order, PageTokens.PageToken cursor) {
        int byTime = search.window().of(order).compareTo(cursor.cursorTime());
        return byTime > 0 || (byTime == 0 && order.orderId().compareTo(cursor.cursorOrderId()) > 0);
    }

    /** From now on the order is shown with a createdTime outside Amazon's contract, until {@link #clearMalformed()}. */
    public void malformCreatedTime(String orderId) {
        malformed.add(orderId);
    }

    public void clearMalformed() {
        malformed.clear();
    }

    /** The order stays out of every answer until {@link #surface(String)}, as Amazon's late orders do. */
    public void delaySurfacing(String orderId) {
        unsurfaced.add(orderId);
    }

    /** The order shows up, with the update time it had all along (hours old by now). */
    public void surface(String orderId) {
        unsurfaced.remove(orderId);
    }

    public void pagination(boolean tokenRepeated, boolean pageSizeIgnored) {
        this.tokenRepeated = tokenRepeated;
        this.pageSizeIgnored = pageSizeIgnored;
    }

    public void answerEveryMarketplace(boolean on) {
        everyMarketplace = on;
    }

    /** Every order surfaced, the marketplace filter honoured again. */
    public void reset() {
        malformed.clear();
        unsurfaced.clear();
        everyMarketplace = false;
        withoutPersonalData.clear();
        tokenRepeated = false;
        pageSizeIgnored = false;
    }

    /**
     * The seller's application has (true) or lacks (false) the roles for personal data (Direct-to-Consumer Shipping):
     * without them Amazon answers every order without the buyer's e-mail and the ship-to address.
     */
    public void personalDataRole(String sellerId, boolean granted) {
        if (granted) {
            withoutPersonalData.remove(sellerId);
        } else {
            withoutPersonalData.add(sellerId);
        }
    }

    private SpApiOrderModel.Order render(SandboxOrder order, Set<IncludedData> included) {
        SpApiOrderModel.Order shown = SpApiOrderRenderer.render(order, included, !withoutPersonalData.contains(order.sellerId()));
        if (!malformed.contains(order.orderId())) {
            return shown;
        }
        return new SpApiOrderModel.Order(shown.orderId(), "31/11/2026 25:61", shown.lastUpdatedTime(), shown.programs(),
                shown.salesChannel(), shown.buyer(), shown.recipient(), shown.proceeds(), shown.tax(), shown.fulfillment(),
                shown.orderItems());
    }
}
