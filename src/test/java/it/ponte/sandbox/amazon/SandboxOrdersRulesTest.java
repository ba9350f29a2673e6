package it.ponte.sandbox.amazon;

import static it.ponte.sandbox.amazon.SandboxAmazonHttp.ORDERS;
import static it.ponte.sandbox.amazon.SandboxAmazonHttp.encode;
import static it.ponte.sandbox.amazon.SandboxAmazonHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.ponte.PonteIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules of Amazon's searchOrders and getOrder that the sandbox reproduces, each proved over real HTTP. */
class SandboxOrdersRulesTest extends SandboxAmazonTestBase {

    String dayAgo;

    @BeforeEach
    void setUp() {
        dayAgo = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void windowEndingCloserThanTwoMinutesToNowIsRefused() {
        String ninetySecondsAgo = Instant.now().minusSeconds(90).toString();
        HttpResponse<String> tooClose = http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo, "lastUpdatedBefore", ninetySecondsAgo));
        assertThat(tooClose.statusCode()).isEqualTo(400);
        assertThat(json(tooClose).at("/errors/0/code").asText()).isEqualTo("InvalidInput");

        String threeMinutesAgo = Instant.now().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> farEnough = http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo, "lastUpdatedBefore", threeMinutesAgo));
        assertThat(farEnough.statusCode()).isEqualTo(200);
        assertThat(json(farEnough).get("lastUpdatedBefore").asText()).isEqualTo(threeMinutesAgo);
    }

    @Test
    void createdBeforeInTheFutureIsRefused() {
        HttpResponse<String> response = http.searchOrders(token, Map.of("createdAfter", dayAgo,
                "createdBefore", Instant.now().plusSeconds(60).toString()));
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void windowWithoutEndStopsTwoMinutesBeforeNowAndSaysSo() {
        amazon.addOrder(TestOrders.unshipped(Duration.ofSeconds(30)));
        SandboxOrder older = amazon.addOrder(TestOrders.unshipped(Duration.ofMinutes(10)));
        Instant before = Instant.now();
        JsonNode body = json(http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo)));
        Instant echoed = Instant.parse(body.get("lastUpdatedBefore").asText());
        assertThat(echoed).isBetween(before.minus(Duration.ofMinutes(2)).minusSeconds(2), before.minus(Duration.ofMinutes(2)).plusSeconds(1));
        assertThat(body.get("orders")).hasSize(1);
        assertThat(body.at("/orders/0/orderId").asText()).isEqualTo(older.orderId());
    }

    @Test
    void exactlyOneOfCreatedAfterAndLastUpdatedAfterIsRequired() {
        assertThat(http.searchOrders(token, Map.of("marketplaceIds", "APJ6JRA9NG5V4")).statusCode()).isEqualTo(400);
        assertThat(http.searchOrders(token, Map.of("createdAfter", dayAgo, "lastUpdatedAfter", dayAgo)).statusCode()).isEqualTo(400);
        assertThat(http.searchOrders(token, Map.of("createdAfter", dayAgo, "lastUpdatedBefore",
                Instant.now().minus(Duration.ofMinutes(5)).toString())).statusCode()).isEqualTo(400);
        assertThat(http.searchOrders(token, Map.of("createdAfter", dayAgo)).statusCode()).isEqualTo(200);
    }

    @Test
    void pageSizeMustBeBetweenOneAndAHundred() {
        assertThat(http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo, "maxResultsPerPage", "0")).statusCode()).isEqualTo(400);
        assertThat(http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo, "maxResultsPerPage", "101")).statusCode()).isEqualTo(400);
        assertThat(http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo, "maxResultsPerPage", "100")).statusCode()).isEqualTo(200);
    }

    @Test
    void pageTokenIsRefusedUnlessTheOtherParametersAreRepeated() {
        for (int i = 0; i < 3; i++) {
            amazon.addOrder(TestOrders.unshipped(Duration.ofHours(i + 1)));
        }
        Map<String, String> first = new LinkedHashMap<>();
        first.put("lastUpdatedAfter", dayAgo);
        first.put("fulfillmentStatuses", "UNSHIPPED,SHIPPED");
        first.put("maxResultsPerPage", "1");
        String next = json(http.searchOrders(token, first)).at("/pagination/nextToken").asText();

        Map<String, String> tokenOnly = Map.of("paginationToken", next);
        assertThat(http.searchOrders(token, tokenOnly).statusCode()).isEqualTo(400);

        Map<String, String> changedFilter = new LinkedHashMap<>(first);
        changedFilter.put("fulfillmentStatuses", "UNSHIPPED");
        changedFilter.put("paginationToken", next);
        HttpResponse<String> refused = http.searchOrders(token, changedFilter);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/errors/0/code").asText()).isEqualTo("InvalidInput");

        Map<String, String> repeated = new LinkedHashMap<>(first);
        repeated.put("fulfillmentStatuses", "SHIPPED,UNSHIPPED");
        repeated.put("maxResultsPerPage", "5");
        repeated.put("includedData", "BUYER");
        repeated.put("paginationToken", next);
        HttpResponse<String> accepted = http.searchOrders(token, repeated);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json(accepted).get("orders")).hasSize(2);
        assertThat(json(accepted).has("pagination")).isFalse();
    }

    @Test
    void pageTokenNeedsUrlEncodingAndIsRefusedWithoutIt() {
        amazon.addOrder(TestOrders.unshipped(Duration.ofHours(2)));
        amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        String first = "lastUpdatedAfter=" + encode(dayAgo) + "&maxResultsPerPage=1";
        String next = json(http.get(ORDERS + "?" + first, token)).at("/pagination/nextToken").asText();
        assertThat(next).contains("+", "/", "=");

        assertThat(http.get(ORDERS + "?" + first + "&paginationToken=" + next, token).statusCode()).isEqualTo(400);
        assertThat(http.get(ORDERS + "?" + first + "&paginationToken=" + encode(next), token).statusCode()).isEqualTo(200);
    }

    @Test
    void pageTokenExpiresAfterTwentyFourHours() {
        amazon.addOrder(TestOrders.unshipped(Duration.ofHours(2)));
        amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        Map<String, String> params = new LinkedHashMap<>(Map.of("lastUpdatedAfter", dayAgo, "maxResultsPerPage", "1"));
        params.put("paginationToken", json(http.searchOrders(token, params)).at("/pagination/nextToken").asText());
        amazon.clock().advance(Duration.ofHours(23));
        String freshToken = http.mainToken();
        assertThat(http.searchOrders(freshToken, params).statusCode()).isEqualTo(200);
        amazon.clock().advance(Duration.ofHours(1).plusSeconds(1));
        freshToken = http.mainToken();
        HttpResponse<String> expired = http.searchOrders(freshToken, params);
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(json(expired).at("/errors/0/message").asText()).contains("expired");
    }

    @Test
    void pendingOrderShowsNoBuyerNoPricesUntilItBecomesUnshipped() {
        SandboxOrder pending = amazon.addOrder(TestOrders.order(FulfillmentStatus.PENDING, FulfilledBy.MERCHANT, Duration.ofHours(1)));
        String path = ORDERS + "/" + pending.orderId() + "?includedData=BUYER,RECIPIENT,PROCEEDS";
        JsonNode before = json(http.get(path, token)).get("order");
        assertThat(before.has("buyer")).isFalse();
        assertThat(before.has("recipient")).isFalse();
        assertThat(before.has("proceeds")).isFalse();
        assertThat(before.at("/orderItems/0/product").has("price")).isFalse();

        amazon.setStatus(pending.orderId(), FulfillmentStatus.UNSHIPPED);
        JsonNode after = json(http.get(path, token)).get("order");
        assertThat(after.at("/buyer/buyerEmail").asText()).endsWith("@marketplace.amazon.it");
        assertThat(after.at("/recipient/deliveryAddress/postalCode").asText()).isEqualTo("40121");
        assertThat(after.at("/proceeds/grandTotal/amount").asText()).isEqualTo("68.80");
        assertThat(after.at("/orderItems/0/product/price/unitPrice/amount").asText()).isEqualTo("24.50");
        assertThat(Instant.parse(after.get("lastUpdatedTime").asText())).isAfter(Instant.parse(before.get("lastUpdatedTime").asText()));
    }

    @Test
    void amazonFulfilledOrderNeverShowsBuyerEmailOrAddress() {
        SandboxOrder fba = amazon.addOrder(TestOrders.order(FulfillmentStatus.SHIPPED, FulfilledBy.AMAZON, Duration.ofHours(1)));
        SandboxOrder fbm = amazon.addOrder(TestOrders.order(FulfillmentStatus.SHIPPED, FulfilledBy.MERCHANT, Duration.ofHours(1)));
        String query = "?includedData=BUYER,RECIPIENT";
        assertThat(json(http.get(ORDERS + "/" + fba.orderId() + query, token)).get("order").has("buyer")).isFalse();
        assertThat(json(http.get(ORDERS + "/" + fba.orderId() + query, token)).get("order").has("recipient")).isFalse();
        assertThat(json(http.get(ORDERS + "/" + fbm.orderId() + query, token)).at("/order/buyer/buyerEmail").isTextual()).isTrue();
    }

    @Test
    void onlyRequestedDatasetsAreReturned() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        JsonNode plain = json(http.get(ORDERS + "/" + order.orderId(), token)).get("order");
        assertThat(plain.has("buyer") || plain.has("recipient") || plain.has("proceeds") || plain.has("fulfillment")).isFalse();
        assertThat(plain.get("orderItems")).hasSize(2);
        JsonNode withProceeds = json(http.get(ORDERS + "/" + order.orderId() + "?includedData=PROCEEDS,FULFILLMENT", token)).get("order");
        assertThat(withProceeds.has("buyer")).isFalse();
        assertThat(withProceeds.at("/proceeds/breakdowns/1/type").asText()).isEqualTo("SHIPPING");
        assertThat(withProceeds.at("/fulfillment/fulfilledBy").asText()).isEqualTo("MERCHANT");
        assertThat(withProceeds.at("/salesChannel/marketplaceId").asText()).isEqualTo("APJ6JRA9NG5V4");
    }

    @Test
    void filtersSelectByStatusAndFulfilment() {
        amazon.addOrder(TestOrders.unshipped(Duration.ofHours(3)));
        amazon.addOrder(TestOrders.order(FulfillmentStatus.SHIPPED, FulfilledBy.AMAZON, Duration.ofHours(2)));
        amazon.addOrder(TestOrders.order(FulfillmentStatus.PENDING, FulfilledBy.MERCHANT, Duration.ofHours(1)));
        assertThat(json(http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo, "fulfillmentStatuses", "UNSHIPPED,PENDING")))
                .get("orders")).hasSize(2);
        assertThat(json(http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo, "fulfilledBy", "AMAZON"))).get("orders")).hasSize(1);
        assertThat(json(http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo, "marketplaceIds", "A1PA6795UKMFR9"))).get("orders")).isEmpty();
        assertThat(http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo, "fulfillmentStatuses", "WAITING")).statusCode()).isEqualTo(400);
    }

    @Test
    void ordersBelongToTheSellerOfTheToken() {
        SandboxOrder mine = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        String other = http.accessToken(SandboxAmazonHttp.OTHER_REFRESH_TOKEN);
        assertThat(json(http.searchOrders(other, Map.of("lastUpdatedAfter", dayAgo))).get("orders")).isEmpty();
        assertThat(http.get(ORDERS + "/" + mine.orderId(), other).statusCode()).isEqualTo(404);
        assertThat(http.get(ORDERS + "/" + mine.orderId(), token).statusCode()).isEqualTo(200);
    }

    @Test
    void callsWithoutAValidUnexpiredTokenAreUnauthorized() {
        assertThat(http.searchOrders(null, Map.of("lastUpdatedAfter", dayAgo)).statusCode()).isEqualTo(403);
        HttpResponse<String> forged = http.searchOrders("Atza|forged", Map.of("lastUpdatedAfter", dayAgo));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).at("/errors/0/code").asText()).isEqualTo("Unauthorized");
        assertThat(forged.headers().firstValue("x-amzn-RequestId")).isPresent();
        amazon.clock().advance(Duration.ofHours(1));
        assertThat(http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo)).statusCode()).isEqualTo(403);
    }

    @Test
    void searchOrdersOverItsBurstIsRefusedWith429WithoutRateHeader() {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> ok = http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo));
            assertThat(ok.statusCode()).as("call %d of the burst", i + 1).isEqualTo(200);
            assertThat(ok.headers().firstValue("x-amzn-RateLimit-Limit")).contains("0.0056");
        }
        HttpResponse<String> refused = http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).at("/errors/0/code").asText()).isEqualTo("QuotaExceeded");
        assertThat(json(refused).at("/errors/0/message").asText()).isEqualTo("You exceeded your quota for the requested resource.");
        assertThat(refused.headers().firstValue("x-amzn-RateLimit-Limit")).isEmpty();
        assertThat(refused.headers().firstValue("x-amzn-RequestId")).isPresent();

        String other = http.accessToken(SandboxAmazonHttp.OTHER_REFRESH_TOKEN);
        assertThat(http.searchOrders(other, Map.of("lastUpdatedAfter", dayAgo)).statusCode()).as("another seller's bucket").isEqualTo(200);
    }

    @Test
    void timeScaleRefillsTheBucketFaster() throws InterruptedException {
        amazon.rateLimiter().configure(true, 600);
        for (int i = 0; i < 20; i++) {
            http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo));
        }
        // 0.0056/s × 600 = 3.36 tokens per second: well over one within a second
        Thread.sleep(1000);
        HttpResponse<String> response = http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-amzn-RateLimit-Limit")).contains("3.36");
    }

    @Test
    void disabledRateLimitsNeverAnswer429() {
        amazon.rateLimiter().configure(false, 1);
        for (int i = 0; i < 25; i++) {
            assertThat(http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo)).statusCode()).isEqualTo(200);
        }
    }
}
