package it.ponte.sandbox.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's confirmShipment over real HTTP: what Amazon accepts, what it refuses and why, and what the order becomes. */
class SandboxShipmentsRulesTest extends SandboxAmazonTestBase {

    @Test
    void confirmedShipmentMovesTheOrderToShippedAndIsKept() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));

        HttpResponse<String> response = confirm(order.orderId(), shipment(order, "BRT", null, order.items().get(0).quantity(),
                order.items().get(1).quantity()));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("x-amzn-RateLimit-Limit")).hasValue("2");
        SandboxOrder shipped = amazon.order(order.orderId()).orElseThrow();
        assertThat(shipped.status()).isEqualTo(FulfillmentStatus.SHIPPED);
        assertThat(shipped.lastUpdatedTime()).isAfter(order.lastUpdatedTime());
        assertThat(amazon.shipmentsOf(order.orderId())).singleElement().satisfies(s -> {
            assertThat(s.carrierCode()).isEqualTo("BRT");
            assertThat(s.trackingNumber()).isEqualTo("TRK-" + order.orderId());
            assertThat(s.shipDate()).isEqualTo(Instant.parse("2026-03-02T09:30:00Z"));
        });
        JsonNode admin = SandboxAmazonHttp.json(http.sendJson("GET", "/sandbox/amazon/orders/" + order.orderId(), null));
        assertThat(admin.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(admin.at("/shipments/0/trackingNumber").asText()).isEqualTo("TRK-" + order.orderId());
        assertThat(SandboxAmazonHttp.json(http.sendJson("GET", "/sandbox/amazon/orders", null)).get(0).get("shipments")).hasSize(1);
    }

    @Test
    void packageWithPartOfTheUnitsLeavesTheOrderPartiallyShippedUntilTheRestIsConfirmed() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));

        assertThat(confirm(order.orderId(), shipment(order, "GLS", null, 1, 0)).statusCode()).isEqualTo(204);
        assertThat(amazon.order(order.orderId()).orElseThrow().status()).isEqualTo(FulfillmentStatus.PARTIALLY_SHIPPED);
        // a second package: its own packageReferenceId (the same one would edit the first package)
        assertThat(confirm(order.orderId(), shipment(order, "GLS", null, 1, 1)
                .replace("\"packageReferenceId\":\"1\"", "\"packageReferenceId\":\"2\"")).statusCode()).isEqualTo(204);
        assertThat(amazon.order(order.orderId()).orElseThrow().status()).isEqualTo(FulfillmentStatus.SHIPPED);
    }

    @Test
    void thePackageReferenceIdSentAgainEditsThatPackageInsteadOfAddingOne() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));

        assertThat(confirm(order.orderId(), shipment(order, "GLS", null, 1, 0)).statusCode()).isEqualTo(204);
        assertThat(confirm(order.orderId(), shipment(order, "BRT", null, 1, 0)).statusCode()).isEqualTo(204);

        assertThat(amazon.shipmentsOf(order.orderId())).singleElement().satisfies(s -> assertThat(s.carrierCode()).isEqualTo("BRT"));
        assertThat(amazon.order(order.orderId()).orElseThrow().status()).isEqualTo(FulfillmentStatus.PARTIALLY_SHIPPED);
    }

    @Test
    void carrierOtherIsAcceptedWithACarrierName() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));

        assertThat(confirm(order.orderId(), shipment(order, "Other", "Corriere Rapido Bolognese", 2, 1)).statusCode()).isEqualTo(204);
        assertThat(amazon.shipmentsOf(order.orderId())).singleElement()
                .satisfies(s -> assertThat(s.carrierName()).isEqualTo("Corriere Rapido Bolognese"));
    }

    @Test
    void confirmShipmentRefusesWhatAmazonsModelAndTheOrderDoNotAllow() {
        // Twelve refusals in a row would exceed the burst of 10: the quota is not what this test is about.
        amazon.rateLimiter().configure(false, 1);
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        String item = order.items().get(0).orderItemId();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(without(order, "\"packageReferenceId\":\"1\","), "packageReferenceId is required");
        cases.put(shipment(order, "BRT", null, 1, 1).replace("\"packageReferenceId\":\"1\"", "\"packageReferenceId\":\"0\""),
                "packageReferenceId must be a positive number");
        cases.put(shipment(order, "BRT", null, 1, 1).replace("\"packageReferenceId\":\"1\"", "\"packageReferenceId\":\"pkg-1\""),
                "packageReferenceId must be a positive number");
        cases.put(without(order, "\"carrierCode\":\"BRT\","), "carrierCode is required");
        cases.put(shipment(order, "Other", null, 1, 1), "carrierName is required when carrierCode is 'Other'");
        cases.put(without(order, "\"trackingNumber\":\"TRK-" + order.orderId() + "\","), "trackingNumber is required");
        cases.put(without(order, "\"shipDate\":\"2026-03-02T09:30:00Z\","), "shipDate is required");
        cases.put(shipment(order, "BRT", null, 1, 1).replace("2026-03-02T09:30:00Z", "02/03/2026"), "shipDate must be an ISO 8601 date-time");
        cases.put(shipment(order, "BRT", null, 0, 0), "orderItems is required");
        cases.put(shipment(order, "BRT", null, 1, 1).replace(item, "99999999999999"), "orderItemId 99999999999999 is not an item of order");
        cases.put(shipment(order, "BRT", null, 3, 1), "quantity 3 of orderItemId " + item + " exceeds the 2 ordered");
        cases.put("{not json", "not valid JSON");

        cases.forEach((body, expected) -> {
            HttpResponse<String> response = confirm(order.orderId(), body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode error = SandboxAmazonHttp.json(response).at("/errors/0");
            assertThat(error.get("code").asText()).isEqualTo("InvalidInput");
            assertThat(error.get("message").asText()).as(body).contains(expected);
        });
        assertThat(amazon.order(order.orderId()).orElseThrow().status()).isEqualTo(FulfillmentStatus.UNSHIPPED);
        assertThat(amazon.shipmentsOf(order.orderId())).isEmpty();
    }

    @Test
    void unknownOrderAndAnotherSellersOrderAreNotFound() {
        SandboxOrder others = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)).withSellerId("A2PONTEOTHER"));

        HttpResponse<String> unknown = confirm("403-0000000-0000000", shipment(others, "BRT", null, 1, 1));
        HttpResponse<String> notMine = confirm(others.orderId(), shipment(others, "BRT", null, 1, 1));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(SandboxAmazonHttp.json(unknown).at("/errors/0/code").asText()).isEqualTo("NotFound");
        assertThat(notMine.statusCode()).isEqualTo(404);
        assertThat(amazon.order(others.orderId()).orElseThrow().status()).isEqualTo(FulfillmentStatus.UNSHIPPED);
    }

    @Test
    void cancelledOrderCannotBeShipped() {
        SandboxOrder order = amazon.addOrder(TestOrders.order(FulfillmentStatus.CANCELLED, FulfilledBy.MERCHANT, Duration.ofHours(1)));

        HttpResponse<String> response = confirm(order.orderId(), shipment(order, "BRT", null, 1, 1));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SandboxAmazonHttp.json(response).at("/errors/0/message").asText()).contains("is cancelled");
        assertThat(amazon.order(order.orderId()).orElseThrow().status()).isEqualTo(FulfillmentStatus.CANCELLED);
    }

    @Test
    void confirmShipmentIsLimitedToABurstOf10() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        for (int i = 1; i <= 10; i++) {
            assertThat(confirm(order.orderId(), shipment(order, "BRT", null, 1, 1)).statusCode()).as("call %d", i).isIn(204, 400);
        }
        HttpResponse<String> refused = confirm(order.orderId(), shipment(order, "BRT", null, 1, 1));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("x-amzn-RateLimit-Limit")).isEmpty();
    }

    private HttpResponse<String> confirm(String orderId, String body) {
        return http.spApi("POST", SandboxAmazonHttp.ORDERS_V0 + "/" + orderId + "/shipmentConfirmation", token, body);
    }

    /** A confirmShipment body for the order's two items with the given quantities (0 leaves an item out). */
    static String shipment(SandboxOrder order, String carrierCode, String carrierName, int firstQuantity, int secondQuantity) {
        StringBuilder items = new StringBuilder();
        int[] quantities = {firstQuantity, secondQuantity};
        for (int i = 0; i < 2; i++) {
            if (quantities[i] > 0) {
                items.append(items.isEmpty() ? "" : ",").append("{\"orderItemId\":\"").append(order.items().get(i).orderItemId())
                        .append("\",\"quantity\":").append(quantities[i]).append('}');
            }
        }
        return "{\"marketplaceId\":\"" + order.marketplaceId() + "\",\"packageDetail\":{\"packageReferenceId\":\"1\","
                + "\"carrierCode\":\"" + carrierCode + "\"," + (carrierName == null ? "" : "\"carrierName\":\"" + carrierName + "\",")
                + "\"trackingNumber\":\"TRK-" + order.orderId() + "\",\"shipDate\":\"2026-03-02T09:30:00Z\","
                + "\"orderItems\":[" + items + "]}}";
    }

    private static String without(SandboxOrder order, String field) {
        String body = shipment(order, "BRT", null, 1, 1);
        assertThat(body).contains(field);
        return body.replace(field, "");
    }
}
