package it.ponte.amazon;

/** The SP-API operations Ponte calls, with Amazon's default usage plan (requests per second, burst). */
public enum SpApiOperation {
    SEARCH_ORDERS("searchOrders", 0.0056, 20),
    GET_ORDER("getOrder", 0.5, 30),
    CONFIRM_SHIPMENT("confirmShipment", 2, 10),
    CREATE_FEED_DOCUMENT("createFeedDocument", 0.5, 15),
    CREATE_FEED("createFeed", 0.0083, 15),
    GET_FEED("getFeed", 2, 15),
    GET_FEED_DOCUMENT("getFeedDocument", 0.0222, 10),
    GET_FEEDS("getFeeds", 0.0222, 10);

    private final String operationId;
    private final double defaultRate;
    private final int burst;

    SpApiOperation(String operationId, double defaultRate, int burst) {
        this.operationId = operationId;
        this.defaultRate = defaultRate;
        this.burst = burst;
    }

    public String operationId() {
        return operationId;
    }

    public double defaultRate() {
        return defaultRate;
    }

    public int burst() {
        return burst;
    }
}
