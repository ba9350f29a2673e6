package it.ponte.sandbox.amazon;

import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated {@code searchOrders} request: one time window (on creation or on last update), the filters,
 * the page size, the datasets. {@link #fingerprint()} covers what a page token binds: everything but the page
 * size and the datasets.
 */
public record OrderSearch(
        Window window,
        Instant after,
        Instant before,
        String beforeAsGiven,
        Set<FulfillmentStatus> statuses,
        Set<String> marketplaceIds,
        Set<FulfilledBy> fulfilledBy,
        int maxResultsPerPage,
        Set<IncludedData> includedData) {

    public enum Window {
        CREATED, LAST_UPDATED;

        Instant of(SandboxOrder order) {
            return this == CREATED ? order.createdTime() : order.lastUpdatedTime();
        }
    }

    public boolean matches(SandboxOrder order) {
        Instant t = window.of(order);
        return !t.isBefore(after) && !t.isAfter(before)
                && (statuses.isEmpty() || statuses.contains(order.status()))
                && (marketplaceIds.isEmpty() || marketplaceIds.contains(order.marketplaceId()))
                && (fulfilledBy.isEmpty() || fulfilledBy.contains(order.fulfilledBy()));
    }

    /** Pages are cut on a stable order: the window's time, then the order id. */
    public Comparator<SandboxOrder> sortOrder() {
        return Comparator.comparing(window::of).thenComparing(SandboxOrder::orderId);
    }

    public String fingerprint() {
        return String.join("|", window.name(), after.toString(), beforeAsGiven == null ? "" : beforeAsGiven,
                new TreeSet<>(statuses.stream().map(Enum::name).toList()).toString(),
                new TreeSet<>(marketplaceIds).toString(),
                new TreeSet<>(fulfilledBy.stream().map(Enum::name).toList()).toString());
    }

    public OrderSearch withMarketplaces(Set<String> ids) {
        return new OrderSearch(window, after, before, beforeAsGiven, statuses, ids, fulfilledBy, maxResultsPerPage, includedData);
    }

    public OrderSearch withBefore(Instant applied) {
        return new OrderSearch(window, after, applied, beforeAsGiven, statuses, marketplaceIds, fulfilledBy, maxResultsPerPage, includedData);
    }
}
