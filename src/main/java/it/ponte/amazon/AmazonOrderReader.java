package it.ponte.amazon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import it.ponte.amazon.model.AmazonOrder;
import it.ponte.amazon.model.SearchOrdersPage;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.springframework.stereotype.Component;

/**
 * Reads one order of a {@code searchOrders} page (or a {@code getOrder} answer) into Ponte's model. Pages are read
 * order by order, so one order with a field outside Amazon's contract (a date that is not a date, an amount that is
 * not a number) fails alone, with the field named, and the others of its page are imported.
 */
@Component("amazonOrderReader")
public class AmazonOrderReader {

    private final ObjectMapper json;

    public AmazonOrderReader(ObjectMapper json) {
        this.json = json;
    }

    public AmazonOrder read(@Body JsonNode order) {
        try {
            return json.treeToValue(order, AmazonOrder.class);
        } catch (JsonProcessingException e) {
            throw new MalformedOrderException(orderIdOf(order), describe(e), e);
        }
    }

    /**
     * A {@code searchOrders} page with each of its orders read ahead (null where an order cannot be read: it goes on
     * its own through {@code amazon-import-order}, which names the field). Done on the thread that fetched the page, so
     * the thread storing the page before it does not spend its time on JSON.
     */
    public ReadPage readPage(@Body SearchOrdersPage page) {
        java.util.List<JsonNode> orders = page.ordersOrEmpty();
        java.util.List<AmazonOrder> read = new java.util.ArrayList<>(orders.size());
        for (JsonNode order : orders) {
            AmazonOrder one;
            try {
                one = json.treeToValue(order, AmazonOrder.class);
            } catch (JsonProcessingException | RuntimeException unreadable) {
                one = null;
            }
            read.add(one);
        }
        return new ReadPage(page, read);
    }

    /** A page and its orders as read ({@link #readPage}): {@code read.get(i)} is the i-th order, or null when unreadable. */
    public record ReadPage(SearchOrdersPage page, java.util.List<AmazonOrder> read) {
    }

    /** The order id as Amazon sent it, even when the rest of the order cannot be read. */
    public static String orderIdOf(JsonNode order) {
        return order == null ? null : order.path("orderId").asText(null);
    }

    private static String describe(JsonProcessingException e) {
        String field = e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                ? mismatch.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : null;
        String detail = e.getOriginalMessage();
        int newline = detail == null ? -1 : detail.indexOf('\n');
        return (field == null ? "" : "field " + field + ": ") + (newline < 0 ? detail : detail.substring(0, newline));
    }

    /** An order Amazon sent with a field Ponte cannot read: that order fails, the import goes on. */
    public static class MalformedOrderException extends RuntimeException {

        private final String orderId;

        public MalformedOrderException(String orderId, String detail, Throwable cause) {
            super("Amazon order " + orderId + " cannot be read: " + detail, cause);
            this.orderId = orderId;
        }

        public String orderId() {
            return orderId;
        }
    }
}
