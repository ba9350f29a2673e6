package it.ponte.sandbox.amazon;

import it.ponte.amazon.FeedXml;
import java.util.ArrayList;
import java.util.List;

/** Feed XML for the tests: what Ponte's own {@link FeedXml} writes, and hand-written messages for what it never would. */
public final class TestFeeds {

    public static final String CANCEL = FeedXml.CANCEL_FEED;
    public static final String REFUND = FeedXml.REFUND_FEED;

    private TestFeeds() {
    }

    /** Ponte's cancellation message for the whole order. */
    public static FeedXml.Message cancel(int messageId, SandboxOrder order, String reason) {
        return new FeedXml.Message(messageId, order.orderId(), items(order, false), reason, order.currency());
    }

    /** Ponte's refund message: each item's price, the shipping on the first. */
    public static FeedXml.Message refund(int messageId, SandboxOrder order, String reason) {
        return new FeedXml.Message(messageId, order.orderId(), items(order, true), reason, order.currency());
    }

    public static String cancellations(String sellerId, FeedXml.Message... messages) {
        return FeedXml.cancellations(sellerId, List.of(messages));
    }

    public static String refunds(String sellerId, FeedXml.Message... messages) {
        return FeedXml.refunds(sellerId, List.of(messages));
    }

    /** An envelope around hand-written {@code <Message>} bodies. */
    public static String envelope(String sellerId, String messageType, String... messages) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion>"
                + "<MerchantIdentifier>" + sellerId + "</MerchantIdentifier></Header><MessageType>" + messageType + "</MessageType>"
                + String.join("", messages) + "</AmazonEnvelope>";
    }

    public static String message(int messageId, String body) {
        return "<Message><MessageID>" + messageId + "</MessageID>" + body + "</Message>";
    }

    public static String adjustment(String orderId, String itemId, String reason, String type, String amount, String currency) {
        return "<OrderAdjustment><AmazonOrderID>" + orderId + "</AmazonOrderID><ActionType>Refund</ActionType><AdjustedItem>"
                + "<AmazonOrderItemCode>" + itemId + "</AmazonOrderItemCode><AdjustmentReason>" + reason + "</AdjustmentReason>"
                + "<ItemPriceAdjustments><Component><Type>" + type + "</Type><Amount currency=\"" + currency + "\">" + amount
                + "</Amount></Component></ItemPriceAdjustments></AdjustedItem></OrderAdjustment>";
    }

    public static String acknowledgement(String orderId, String itemId, String reason) {
        return "<OrderAcknowledgement><AmazonOrderID>" + orderId + "</AmazonOrderID><StatusCode>Failure</StatusCode><Item>"
                + "<AmazonOrderItemCode>" + itemId + "</AmazonOrderItemCode><CancelReason>" + reason + "</CancelReason></Item>"
                + "</OrderAcknowledgement>";
    }

    private static List<FeedXml.Item> items(SandboxOrder order, boolean withShipping) {
        List<FeedXml.Item> items = new ArrayList<>();
        for (SandboxOrderItem item : order.items()) {
            items.add(new FeedXml.Item(item.orderItemId(), item.total(), withShipping && items.isEmpty() ? order.shippingAmount() : null));
        }
        return items;
    }
}
