package it.ponte.sandbox.amazon;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads and checks the query parameters of {@code searchOrders} the way Amazon does, answering InvalidInput otherwise. */
final class OrderSearchParser {

    /** Amazon refuses a window ending closer than this to the time of the request. */
    static final Duration MIN_DISTANCE_FROM_NOW = Duration.ofMinutes(2);

    private OrderSearchParser() {
    }

    /** Multi-valued parameters come comma-separated (the model's csv format) or repeated; both are accepted. */
    static Map<String, List<String>> split(Map<String, String[]> raw) {
        Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        raw.forEach((name, values) -> {
            List<String> all = new ArrayList<>();
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        all.add(part.strip());
                    }
                }
            }
            params.put(name, all);
        });
        return params;
    }

    static OrderSearch parse(Map<String, List<String>> params, Instant now) {
        Instant createdAfter = instant(params, "createdAfter");
        Instant createdBefore = instant(params, "createdBefore");
        Instant lastUpdatedAfter = instant(params, "lastUpdatedAfter");
        Instant lastUpdatedBefore = instant(params, "lastUpdatedBefore");
        if ((createdAfter == null) == (lastUpdatedAfter == null)) {
            throw SpApiException.invalidInput("Exactly one of createdAfter and lastUpdatedAfter must be provided.");
        }
        OrderSearch.Window window;
        Instant after;
        Instant before;
        String beforeName;
        if (createdAfter != null) {
            if (lastUpdatedBefore != null) {
                throw SpApiException.invalidInput("lastUpdatedBefore cannot be combined with createdAfter.");
            }
            window = OrderSearch.Window.CREATED;
            after = createdAfter;
            before = createdBefore;
            beforeName = "createdBefore";
        } else {
            if (createdBefore != null) {
                throw SpApiException.invalidInput("createdBefore cannot be combined with lastUpdatedAfter.");
            }
            window = OrderSearch.Window.LAST_UPDATED;
            after = lastUpdatedAfter;
            before = lastUpdatedBefore;
            beforeName = "lastUpdatedBefore";
        }
        Instant latest = now.minus(MIN_DISTANCE_FROM_NOW);
        if (before != null && before.isAfter(latest)) {
            throw SpApiException.invalidInput(beforeName + " must be at least 2 minutes before the time of the request.");
        }
        Instant applied = before != null ? before : latest.truncatedTo(ChronoUnit.SECONDS);
        if (after.isAfter(applied)) {
            throw SpApiException.invalidInput(beforeName + " must be equal to or after the " + (window == OrderSearch.Window.CREATED
                    ? "createdAfter" : "lastUpdatedAfter") + " date and at least two minutes before the time of the request.");
        }
        Set<String> marketplaceIds = new LinkedHashSet<>(params.getOrDefault("marketplaceIds", List.of()));
        if (marketplaceIds.size() > 50) {
            throw SpApiException.invalidInput("At most 50 marketplaceIds may be given.");
        }
        return new OrderSearch(window, after, applied, before == null ? null : before.toString(),
                enums(params, "fulfillmentStatuses", FulfillmentStatus.class),
                marketplaceIds,
                enums(params, "fulfilledBy", FulfilledBy.class),
                maxResults(params),
                includedData(params));
    }

    static Set<IncludedData> includedData(Map<String, List<String>> params) {
        return enums(params, "includedData", IncludedData.class);
    }

    private static int maxResults(Map<String, List<String>> params) {
        String value = single(params, "maxResultsPerPage");
        if (value == null) {
            return 100;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range value
        }
        throw SpApiException.invalidInput("maxResultsPerPage must be between 1 and 100.");
    }

    private static <E extends Enum<E>> Set<E> enums(Map<String, List<String>> params, String name, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        Function<String, E> parse = v -> {
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                throw SpApiException.invalidInput("Invalid value '" + v + "' for " + name + ".");
            }
        };
        params.getOrDefault(name, List.of()).forEach(v -> set.add(parse.apply(v)));
        return set;
    }

    private static Instant instant(Map<String, List<String>> params, String name) {
        String value = single(params, name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw SpApiException.invalidInput(name + " is not a valid ISO 8601 date-time: " + value);
        }
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw SpApiException.invalidInput(name + " may be given only once.");
        }
        return values.get(0);
    }
}
