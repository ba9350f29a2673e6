package it.ponte.sandbox.amazon;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The documented default rates of the SP-API operations the sandbox serves (or will serve). */
public final class OperationQuotas {

    public static final String SEARCH_ORDERS = "searchOrders";
    public static final String GET_ORDER = "getOrder";
    public static final String CONFIRM_SHIPMENT = "confirmShipment";
    public static final String CREATE_FEED_DOCUMENT = "createFeedDocument";
    public static final String CREATE_FEED = "createFeed";
    public static final String GET_FEED = "getFeed";
    public static final String GET_FEED_DOCUMENT = "getFeedDocument";
    public static final String GET_FEEDS = "getFeeds";

    private static final Map<String, OperationQuota> TABLE = Stream.of(
                    new OperationQuota(SEARCH_ORDERS, 0.0056, 20),
                    new OperationQuota(GET_ORDER, 0.5, 30),
                    new OperationQuota(CONFIRM_SHIPMENT, 2, 10),
                    new OperationQuota(CREATE_FEED_DOCUMENT, 0.5, 15),
                    new OperationQuota(CREATE_FEED, 0.0083, 15),
                    new OperationQuota(GET_FEED, 2, 15),
                    new OperationQuota(GET_FEED_DOCUMENT, 0.0222, 10),
                    new OperationQuota(GET_FEEDS, 0.0222, 10))
            .collect(Collectors.toUnmodifiableMap(OperationQuota::operation, Function.identity()));

    private OperationQuotas() {
    }

    public static OperationQuota of(String operation) {
        OperationQuota quota = TABLE.get(operation);
        if (quota == null) {
            throw new IllegalArgumentException("No usage plan for SP-API operation '" + operation + "'");
        }
        return quota;
    }

    public static Map<String, OperationQuota> all() {
        return TABLE;
    }
}
