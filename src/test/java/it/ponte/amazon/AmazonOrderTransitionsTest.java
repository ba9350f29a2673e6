package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.AmazonFault;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sync.SyncMode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The administrator's Annulla, Spedizione and Rimborso, and what the state machine forbids. */
class AmazonOrderTransitionsTest extends SyncTestBase {

    @Autowired
    ObjectMapper json;

    @AfterEach
    void amazonBack() {
        amazon.faults().clear();
    }

    private long storedAmazonOrder() {
        SandboxOrder order = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        // Amazon unreachable from here on: what the administrator does stays pending, as seed 001 says until the next sync.
        amazon.faults().add(AmazonFault.of("*", 503, 0));
        return fixtures.shopId(order.orderId());
    }

    private HttpResponse<String> post(long orderId, String action, String body) {
        return Http.postJson(baseUrl() + "/api/amazon/orders/" + orderId + "/" + action, body);
    }

    private String state(long orderId) {
        return (String) fixtures.order(orderId).get("amazon_state");
    }

    @Test
    void theAdministratorCancelsAStoredOrderWithAnAmazonReason() throws Exception {
        long order = storedAmazonOrder();
        HttpResponse<String> answer = post(order, "cancel", "{\"reason\":\"NoInventory\"}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).path("state").asText()).isEqualTo("PENDING_CANCELLATION");
        assertThat(fixtures.order(order).get("cancel_reason")).isEqualTo("NoInventory");
    }

    @Test
    void theAdministratorShipsAStoredOrderByItsAmazonIdAndTheShippingFieldsBecomeReadOnly() {
        long order = storedAmazonOrder();
        String amazonId = (String) fixtures.order(order).get("amazon_order_id");
        HttpResponse<String> shipped = Http.postJson(baseUrl() + "/api/amazon/orders/" + amazonId + "/ship",
                "{\"carrier\":\"GLS\",\"shipDate\":\"2026-11-24T09:30:00+01:00\",\"trackingNumber\":\"GLS42\"}");
        assertThat(shipped.statusCode()).isEqualTo(200);
        assertThat(state(order)).isEqualTo("PENDING_SHIPMENT");
        assertThat(fixtures.order(order).get("tracking_number")).isEqualTo("GLS42");

        HttpResponse<String> again = post(order, "ship", "{\"carrier\":\"BRT\",\"shipDate\":\"2026-11-24T10:00:00Z\",\"trackingNumber\":\"X\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(fixtures.order(order).get("carrier")).isEqualTo("GLS");
    }

    @Test
    void refundingAnOrderNeverShippedIsForbidden() throws Exception {
        long order = storedAmazonOrder();
        HttpResponse<String> answer = post(order, "refund", "{\"reason\":\"CustomerReturn\"}");
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(answer.body()).path("detail").asText()).contains("STORED").contains("PENDING_REFUND");
        assertThat(state(order)).isEqualTo("STORED");
    }

    @Test
    void shippingACancelledOrderIsForbidden() {
        long order = storedAmazonOrder();
        assertThat(post(order, "cancel", "{\"reason\":\"BuyerCanceled\"}").statusCode()).isEqualTo(200);
        shopJdbc.update("UPDATE shop_order SET amazon_state = 'CANCELLED' WHERE id = :id", Map.of("id", order));
        assertThat(post(order, "ship", "{\"carrier\":\"BRT\",\"shipDate\":\"2026-11-24T10:00:00Z\",\"trackingNumber\":\"X\"}").statusCode())
                .isEqualTo(409);
        assertThat(post(order, "cancel", "{\"reason\":\"BuyerCanceled\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void aShippedOrderCanBeRefundedOnceAndNeverTwice() {
        long order = storedAmazonOrder();
        shopJdbc.update("UPDATE shop_order SET amazon_state = 'SHIPPED' WHERE id = :id", Map.of("id", order));
        assertThat(post(order, "refund", "{\"reason\":\"CustomerReturn\"}").statusCode()).isEqualTo(200);
        assertThat(state(order)).isEqualTo("PENDING_REFUND");
        assertThat(post(order, "refund", "{\"reason\":\"CustomerReturn\"}").statusCode()).isEqualTo(409);
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM amazon_outbox WHERE order_id = :id AND kind = 'REFUND'",
                Map.of("id", order), Integer.class)).isEqualTo(1);
    }

    @Test
    void unknownOrdersAre404AndMalformedBodies400() throws Exception {
        long order = storedAmazonOrder();
        assertThat(post(987654, "cancel", "{\"reason\":\"NoInventory\"}").statusCode()).isEqualTo(404);
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/999-0000000-0000000/cancel", "{\"reason\":\"NoInventory\"}").statusCode())
                .isEqualTo(404);
        HttpResponse<String> badReason = post(order, "cancel", "{\"reason\":\"Boh\"}");
        assertThat(badReason.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badReason.body()).path("detail").asText()).contains("NoInventory");
        assertThat(post(order, "cancel", "not json").statusCode()).isEqualTo(400);
        assertThat(post(order, "ship", "{\"carrier\":\"BRT\",\"shipDate\":\"ieri\",\"trackingNumber\":\"X\"}").statusCode()).isEqualTo(400);
        assertThat(post(order, "ship", "{\"shipDate\":\"2026-11-24T10:00:00Z\",\"trackingNumber\":\"X\"}").statusCode()).isEqualTo(400);
        assertThat(state(order)).isEqualTo("STORED");
    }

    @Test
    void theStateMachineAllowsExactlyTheSeedTransitions() {
        for (AmazonOrderState from : AmazonOrderState.values()) {
            for (AmazonOrderState to : AmazonOrderState.values()) {
                boolean expected = switch (from) {
                    case REGISTERED -> to == AmazonOrderState.STORED;
                    case STORED -> to == AmazonOrderState.PENDING_CANCELLATION || to == AmazonOrderState.PENDING_SHIPMENT;
                    case PENDING_CANCELLATION -> to == AmazonOrderState.CANCELLED;
                    case PENDING_SHIPMENT -> to == AmazonOrderState.SHIPPED;
                    case SHIPPED -> to == AmazonOrderState.PENDING_REFUND;
                    case PENDING_REFUND -> to == AmazonOrderState.REFUNDED;
                    case CANCELLED, REFUNDED -> false;
                };
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(expected);
            }
        }
    }
}
