package it.ponte.amazon;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The XML of the two feeds Ponte sends (order acknowledgement with cancellation, payment adjustment for a
 * refund) and the reading of Amazon's processing report, message by message.
 */
public final class FeedXml {

    public static final String CANCEL_FEED = "POST_ORDER_ACKNOWLEDGEMENT_DATA";
    public static final String REFUND_FEED = "POST_PAYMENT_ADJUSTMENT_DATA";

    private static final String CLOSE = "</AmazonEnvelope>\n";

    private FeedXml() {
    }

    /** One order's message: its number in the feed and the order's items. */
    public record Message(int messageId, String amazonOrderId, List<Item> items, String reason, String currency) {
    }

    public record Item(String orderItemId, BigDecimal principal, BigDecimal shipping) {
    }

    /** A message's result in the processing report; {@code success} unless Amazon reported an Error for it. */
    public record Result(int messageId, boolean success, String description) {
    }

    public static String cancellations(String merchantId, List<Message> messages) {
        return feed(CANCEL_FEED, merchantId, messages);
    }

    public static String refunds(String merchantId, List<Message> messages) {
        return feed(REFUND_FEED, merchantId, messages);
    }

    /** The whole feed of that type: the envelope around each message's XML. */
    public static String feed(String feedType, String merchantId, List<Message> messages) {
        StringBuilder xml = envelope(merchantId, CANCEL_FEED.equals(feedType) ? "OrderAcknowledgement" : "OrderAdjustment");
        messages.forEach(m -> xml.append(message(feedType, m)));
        return xml.append(CLOSE).toString();
    }

    /** The bytes of the envelope alone, without messages: what a feed's size starts from. */
    public static int envelopeBytes(String feedType, String merchantId) {
        return feed(feedType, merchantId, List.of()).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The bytes one message adds to a feed of that type. */
    public static int messageBytes(String feedType, Message message) {
        return message(feedType, message).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String message(String feedType, Message m) {
        return CANCEL_FEED.equals(feedType) ? cancellation(m) : refund(m);
    }

    private static String cancellation(Message m) {
        StringBuilder xml = new StringBuilder();
        xml.append("  <Message>\n    <MessageID>").append(m.messageId()).append("</MessageID>\n")
                .append("    <OrderAcknowledgement>\n      <AmazonOrderID>").append(escape(m.amazonOrderId())).append("</AmazonOrderID>\n")
                .append("      <StatusCode>Failure</StatusCode>\n");
        for (Item item : m.items()) {
            xml.append("      <Item>\n        <AmazonOrderItemCode>").append(escape(item.orderItemId())).append("</AmazonOrderItemCode>\n")
                    .append("        <CancelReason>").append(escape(m.reason())).append("</CancelReason>\n      </Item>\n");
        }
        return xml.append("    </OrderAcknowledgement>\n  </Message>\n").toString();
    }

    private static String refund(Message m) {
        StringBuilder xml = new StringBuilder();
        xml.append("  <Message>\n    <MessageID>").append(m.messageId()).append("</MessageID>\n")
                .append("    <OrderAdjustment>\n      <AmazonOrderID>").append(escape(m.amazonOrderId())).append("</AmazonOrderID>\n")
                .append("      <ActionType>Refund</ActionType>\n");
        for (Item item : m.items()) {
            xml.append("      <AdjustedItem>\n        <AmazonOrderItemCode>").append(escape(item.orderItemId())).append("</AmazonOrderItemCode>\n")
                    .append("        <AdjustmentReason>").append(escape(m.reason())).append("</AdjustmentReason>\n")
                    .append("        <ItemPriceAdjustments>\n");
            component(xml, "Principal", item.principal(), m.currency());
            if (item.shipping() != null && item.shipping().signum() > 0) {
                component(xml, "Shipping", item.shipping(), m.currency());
            }
            xml.append("        </ItemPriceAdjustments>\n      </AdjustedItem>\n");
        }
        return xml.append("    </OrderAdjustment>\n  </Message>\n").toString();
    }

    /** Reads each message's outcome; messages not named in an Error or Warning result succeeded. */
    public static Map<Integer, Result> results(String report, List<Integer> messageIds) {
        Map<Integer, Result> results = new HashMap<>();
        for (Integer id : messageIds) {
            results.put(id, new Result(id, true, null));
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(report)));
            NodeList nodes = doc.getElementsByTagName("Result");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element result = (Element) nodes.item(i);
                String id = text(result, "MessageID");
                String code = text(result, "ResultCode");
                if (id == null || !"Error".equalsIgnoreCase(code)) {
                    continue;
                }
                int messageId = Integer.parseInt(id.trim());
                String description = text(result, "ResultDescription");
                results.put(messageId, new Result(messageId, false, description == null ? "Error" : description.trim()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable Amazon processing report: " + e.getMessage(), e);
        }
        return results;
    }

    private static StringBuilder envelope(String merchantId, String messageType) {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<AmazonEnvelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"amzn-envelope.xsd\">\n")
                .append("  <Header>\n    <DocumentVersion>1.01</DocumentVersion>\n    <MerchantIdentifier>").append(escape(merchantId))
                .append("</MerchantIdentifier>\n  </Header>\n  <MessageType>").append(messageType).append("</MessageType>\n");
    }

    private static void component(StringBuilder xml, String type, BigDecimal amount, String currency) {
        xml.append("          <Component>\n            <Type>").append(type).append("</Type>\n")
                .append("            <Amount currency=\"").append(escape(currency)).append("\">").append(amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                .append("</Amount>\n          </Component>\n");
    }

    private static String text(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? null : list.item(0).getTextContent();
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
