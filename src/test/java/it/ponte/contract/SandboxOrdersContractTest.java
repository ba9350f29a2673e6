package it.ponte.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import it.ponte.sandbox.amazon.SandboxAmazonTestBase;
import it.ponte.sandbox.amazon.AmazonSandbox;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.SandboxAmazonHttp;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sandbox.amazon.TestOrders;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every answer of the sandbox's Orders API, over real HTTP, checked against Amazon's own model. */
class SandboxOrdersContractTest extends SandboxAmazonTestBase {

    private static final AmazonContract CONTRACT = AmazonContract.orders();

    @Test
    void searchOrdersPagesWithEveryDatasetConformToTheModel() {
        List<String> added = addMixOfOrders();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("lastUpdatedAfter", Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString());
        params.put("marketplaceIds", "APJ6JRA9NG5V4");
        params.put("maxResultsPerPage", "2");
        params.put("includedData", "BUYER,RECIPIENT,PROCEEDS,FULFILLMENT");
        List<String> seen = new ArrayList<>();
        int pages = 0;
        String next = null;
        do {
            Map<String, String> page = new LinkedHashMap<>(params);
            if (next != null) {
                page.put("paginationToken", next);
            }
            HttpResponse<String> response = CONTRACT.assertConforms(http.searchOrders(token, page));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = SandboxAmazonHttp.json(response);
            body.get("orders").forEach(o -> seen.add(o.get("orderId").asText()));
            next = body.path("pagination").path("nextToken").asText(null);
            pages++;
        } while (next != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(added);
    }

    @Test
    void searchOrdersWithoutIncludedDataConformsAndCarriesOnlyTheBasics() {
        addMixOfOrders();
        HttpResponse<String> response = CONTRACT.assertConforms(http.searchOrders(token,
                Map.of("createdAfter", Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString())));
        JsonNode body = SandboxAmazonHttp.json(response);
        assertThat(body.get("orders")).hasSize(5);
        assertThat(body.has("createdBefore")).isTrue();
        body.get("orders").forEach(o -> {
            assertThat(o.has("buyer")).isFalse();
            assertThat(o.has("proceeds")).isFalse();
            assertThat(o.get("orderItems").size()).isPositive();
        });
    }

    @Test
    void aBusinessOrderWithChargesAndItsVatConformsToTheModel() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)).asBusiness("Bianchi Ferramenta Srl", "IT01234567890")
                .withCharges(new it.ponte.sandbox.amazon.SandboxCharges(new java.math.BigDecimal("3.00"), new java.math.BigDecimal("5.00"),
                        new java.math.BigDecimal("2.00"), null, "PROMO-1")));
        HttpResponse<String> response = CONTRACT.assertConforms(http.get(SandboxAmazonHttp.ORDERS + "/" + order.orderId()
                + "?includedData=BUYER,RECIPIENT,PROCEEDS,FULFILLMENT,TAX,PROMOTION", token));
        JsonNode shown = SandboxAmazonHttp.json(response).get("order");
        assertThat(shown.get("programs").toString()).contains("AMAZON_BUSINESS").contains("INVOICE_BY_AMAZON");
        assertThat(shown.at("/buyer/buyerEmail").asText()).isEqualTo("no-reply-amazon-iba-buyer@marketplace.amazon.it");
        assertThat(shown.at("/tax/taxRegistrations/0/taxRegistrationNumber").asText()).isEqualTo("IT01234567890");
        assertThat(shown.at("/proceeds/grandTotal/amount").asText()).isEqualTo(order.grandTotal().toPlainString());
    }

    @Test
    void getOrderConformsToTheModel() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        HttpResponse<String> response = CONTRACT.assertConforms(http.get(SandboxAmazonHttp.ORDERS + "/" + order.orderId()
                + "?includedData=BUYER,RECIPIENT,PROCEEDS,FULFILLMENT", token));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SandboxAmazonHttp.json(response).at("/order/orderId").asText()).isEqualTo(order.orderId());
    }

    @Test
    void invalidInputConformsToTheModel() {
        HttpResponse<String> response = CONTRACT.assertConforms(http.searchOrders(token, Map.of(
                "createdAfter", "2026-01-01T00:00:00Z", "lastUpdatedAfter", "2026-01-01T00:00:00Z")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-RateLimit-Limit")).isPresent();
    }

    @Test
    void unknownOrderConformsToTheModel() {
        HttpResponse<String> response = CONTRACT.assertConforms(http.get(SandboxAmazonHttp.ORDERS + "/403-0000000-0000000", token));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SandboxAmazonHttp.json(response).at("/errors/0/code").asText()).isEqualTo("NotFound");
    }

    @Test
    void quotaExceededConformsToTheModel() {
        HttpResponse<String> response;
        int calls = 0;
        do {
            response = http.searchOrders(token, Map.of("lastUpdatedAfter", "2026-01-01T00:00:00Z"));
            calls++;
        } while (response.statusCode() == 200 && calls < 40);
        CONTRACT.assertConforms(response);
        assertThat(response.statusCode()).isEqualTo(429);
    }

    @Test
    void missingAccessTokenConformsToTheModel() {
        HttpResponse<String> response = CONTRACT.assertConforms(http.searchOrders(null, Map.of("lastUpdatedAfter", "2026-01-01T00:00:00Z")));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void theContractRejectsAnAnswerThatBreaksTheModel() {
        String broken = "{\"order\":{\"orderId\":\"403-1234567-1234567\",\"createdTime\":\"2026-01-01T00:00:00Z\","
                + "\"lastUpdatedTime\":\"2026-01-01T00:00:00Z\",\"salesChannel\":{\"channelName\":\"Amazon.it\"},"
                + "\"orderItems\":[{\"orderItemId\":\"1\",\"quantityOrdered\":1,\"product\":{\"price\":{\"unitPrice\":{\"amount\":12.5,\"currencyCode\":\"EUR\"}}}}]}}";
        var report = CONTRACT.validate("GET", URI.create("http://127.0.0.1/sandbox/amazon/sp-api/orders/2026-01-01/orders/403-1234567-1234567"),
                Map.of(), 200, Map.of("Content-Type", List.of("application/json")), broken);
        assertThat(report.hasErrors()).as(AmazonContract.describe(report)).isTrue();
        String missingItems = "{\"order\":{\"orderId\":\"403-1234567-1234567\",\"createdTime\":\"2026-01-01T00:00:00Z\","
                + "\"lastUpdatedTime\":\"2026-01-01T00:00:00Z\",\"salesChannel\":{\"channelName\":\"Amazon.it\"}}}";
        assertThat(CONTRACT.validate("GET", URI.create("http://127.0.0.1/sandbox/amazon/sp-api/orders/2026-01-01/orders/1"),
                Map.of(), 200, Map.of("Content-Type", List.of("application/json")), missingItems).hasErrors()).isTrue();
        assertThatThrownBy(() -> CONTRACT.assertConforms(http.get(SandboxAmazonHttp.ORDERS + "?includedData=EVERYTHING", token)))
                .isInstanceOf(AssertionError.class);
    }

    /** Five orders a client may see: unshipped, pending without prices, shipped, fulfilled by Amazon, partially shipped. */
    private List<String> addMixOfOrders() {
        return List.of(
                amazon.addOrder(TestOrders.unshipped(Duration.ofHours(5))),
                amazon.addOrder(TestOrders.order(FulfillmentStatus.PENDING, FulfilledBy.MERCHANT, Duration.ofHours(4))),
                amazon.addOrder(TestOrders.order(FulfillmentStatus.SHIPPED, FulfilledBy.MERCHANT, Duration.ofHours(3))),
                amazon.addOrder(TestOrders.order(FulfillmentStatus.SHIPPED, FulfilledBy.AMAZON, Duration.ofHours(2))),
                amazon.addOrder(TestOrders.order(FulfillmentStatus.PARTIALLY_SHIPPED, FulfilledBy.MERCHANT, Duration.ofHours(1))))
                .stream().map(SandboxOrder::orderId).toList();
    }
}
