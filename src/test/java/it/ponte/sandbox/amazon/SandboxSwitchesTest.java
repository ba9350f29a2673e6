package it.ponte.sandbox.amazon;

import static it.ponte.sandbox.amazon.SandboxAmazonHttp.CLIENT_ID;
import static it.ponte.sandbox.amazon.SandboxAmazonHttp.CLIENT_SECRET;
import static it.ponte.sandbox.amazon.SandboxAmazonHttp.MAIN_REFRESH_TOKEN;
import static it.ponte.sandbox.amazon.SandboxAmazonHttp.ORDERS;
import static it.ponte.sandbox.amazon.SandboxAmazonHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.ponte.PonteIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Login with Amazon, injected faults, the request log and the order admin of the sandbox. */
class SandboxSwitchesTest extends PonteIntegrationTest {

    @Autowired
    AmazonSandbox amazon;

    SandboxAmazonHttp http;
    String dayAgo = Instant.now().minus(Duration.ofDays(1)).toString();

    @BeforeEach
    void setUp() {
        amazon.reset();
        http = new SandboxAmazonHttp(baseUrl());
    }

    @AfterEach
    void tearDown() {
        amazon.reset();
    }

    @Test
    void knownRefreshTokenBuysAnHourLongBearerToken() {
        HttpResponse<String> response = http.lwa(MAIN_REFRESH_TOKEN, CLIENT_ID, CLIENT_SECRET);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(body.get("access_token").asText()).startsWith("Atza|");
        assertThat(body.get("refresh_token").asText()).isEqualTo(MAIN_REFRESH_TOKEN);
        assertThat(amazon.tokens().issuedCount()).isEqualTo(1);
    }

    @Test
    void unknownRefreshTokenIsAnInvalidGrant() {
        HttpResponse<String> response = http.lwa("Atzr|nobody", CLIENT_ID, CLIENT_SECRET);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(response).get("error_description").asText()).isNotBlank();
        assertThat(amazon.tokens().issuedCount()).isZero();
    }

    @Test
    void revokedRefreshTokenIsAnInvalidGrantUntilRestored() {
        assertThat(http.sendJson("POST", "/sandbox/amazon/lwa/revocations", "{\"sellerId\":\"A1PONTESANDBOX\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> revoked = http.lwa(MAIN_REFRESH_TOKEN, CLIENT_ID, CLIENT_SECRET);
        assertThat(revoked.statusCode()).isEqualTo(400);
        assertThat(json(revoked).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(http.lwa(SandboxAmazonHttp.OTHER_REFRESH_TOKEN, CLIENT_ID, CLIENT_SECRET).statusCode()).isEqualTo(200);

        http.sendJson("DELETE", "/sandbox/amazon/lwa/revocations", null);
        assertThat(http.lwa(MAIN_REFRESH_TOKEN, CLIENT_ID, CLIENT_SECRET).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongClientSecretIsAnInvalidClient() {
        HttpResponse<String> response = http.lwa(MAIN_REFRESH_TOKEN, CLIENT_ID, "wrong-secret");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
        assertThat(http.lwa(MAIN_REFRESH_TOKEN, "amzn1.application-oa2-client.other", CLIENT_SECRET).statusCode()).isEqualTo(401);
    }

    @Test
    void injectedServerErrorsAnswerTheGivenTimesThenRecover() {
        String token = http.mainToken();
        assertThat(http.sendJson("POST", "/sandbox/amazon/faults", "{\"operation\":\"searchOrders\",\"status\":500,\"times\":2}")
                .statusCode()).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> failed = http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo));
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(json(failed).at("/errors/0/code").asText()).isEqualTo("InternalFailure");
            assertThat(failed.headers().firstValue("x-amzn-RateLimit-Limit")).isEmpty();
        }
        assertThat(http.searchOrders(token, Map.of("lastUpdatedAfter", dayAgo)).statusCode()).isEqualTo(200);
    }

    @Test
    void injectedFaultsCarryAmazonsErrorCodes() {
        String token = http.mainToken();
        amazon.faults().add(AmazonFault.of("getOrder", 503, 1));
        amazon.faults().add(AmazonFault.of("getOrder", 429, 1));
        amazon.faults().add(AmazonFault.of("getOrder", 400, 1));
        HttpResponse<String> unavailable = http.get(ORDERS + "/403-1234567-1234567", token);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(json(unavailable).at("/errors/0/code").asText()).isEqualTo("ServiceUnavailable");
        HttpResponse<String> quota = http.get(ORDERS + "/403-1234567-1234567", token);
        assertThat(quota.statusCode()).isEqualTo(429);
        assertThat(json(quota).at("/errors/0/code").asText()).isEqualTo("QuotaExceeded");
        assertThat(quota.headers().firstValue("x-amzn-RateLimit-Limit")).isEmpty();
        HttpResponse<String> invalid = http.get(ORDERS + "/403-1234567-1234567", token);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).at("/errors/0/code").asText()).isEqualTo("InvalidInput");
        assertThat(invalid.headers().firstValue("x-amzn-RateLimit-Limit")).contains("0.5");
        assertThat(http.get(ORDERS + "/403-1234567-1234567", token).statusCode()).isEqualTo(404);
    }

    @Test
    void lwaFaultAndClearingFaultsOverRest() {
        http.sendJson("POST", "/sandbox/amazon/faults", "{\"operation\":\"lwaToken\",\"status\":503,\"times\":0}");
        assertThat(http.lwa(MAIN_REFRESH_TOKEN, CLIENT_ID, CLIENT_SECRET).statusCode()).isEqualTo(503);
        assertThat(http.lwa(MAIN_REFRESH_TOKEN, CLIENT_ID, CLIENT_SECRET).statusCode()).isEqualTo(503);
        assertThat(http.sendJson("DELETE", "/sandbox/amazon/faults", null).statusCode()).isEqualTo(204);
        assertThat(http.lwa(MAIN_REFRESH_TOKEN, CLIENT_ID, CLIENT_SECRET).statusCode()).isEqualTo(200);
    }

    @Test
    void requestLogKeepsRawQueriesAndMasksSecrets() {
        String token = http.mainToken();
        http.get(ORDERS + "?lastUpdatedAfter=2026-01-01T00%3A00%3A00%2B01%3A00&marketplaceIds=APJ6JRA9NG5V4", token);
        List<RecordedRequest> logged = amazon.requests().all();
        assertThat(logged).hasSize(2);
        RecordedRequest lwa = logged.get(0);
        assertThat(lwa.path()).isEqualTo("/sandbox/amazon/lwa/auth/o2/token");
        assertThat(lwa.form().get("client_id")).containsExactly(CLIENT_ID);
        assertThat(lwa.form().get("client_secret").get(0)).doesNotContain(CLIENT_SECRET);
        assertThat(lwa.form().get("refresh_token").get(0)).doesNotContain(MAIN_REFRESH_TOKEN);
        RecordedRequest search = logged.get(1);
        assertThat(search.query()).isEqualTo("lastUpdatedAfter=2026-01-01T00%3A00%3A00%2B01%3A00&marketplaceIds=APJ6JRA9NG5V4");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.header("x-amz-access-token")).startsWith("Atza|").doesNotContain(token.substring(6));

        assertThat(json(http.sendJson("GET", "/sandbox/amazon/requests", null))).hasSize(2);
        http.sendJson("DELETE", "/sandbox/amazon/requests", null);
        assertThat(amazon.requests().all()).isEmpty();
    }

    @Test
    void ordersAreStagedOverTheAdminRest() {
        HttpResponse<String> created = http.sendJson("POST", "/sandbox/amazon/orders", """
                {"status":"PENDING","buyerName":"Lucia Greco","buyerEmail":"lg8x0pq2mz7a4cd@marketplace.amazon.it",
                 "shipTo":{"name":"Lucia Greco","line1":"Corso Vittorio Emanuele 5","city":"Torino","province":"TO","postalCode":"10123","countryCode":"IT"},
                 "items":[{"sku":"PONTE-TAZ-6","title":"Set 6 tazzine","quantity":1,"unitPrice":19.9}],
                 "shippingAmount":4.9,"createdTime":"2026-01-01T10:00:00Z"}""");
        assertThat(created.statusCode()).isEqualTo(201);
        String orderId = json(created).get("orderId").asText();
        assertThat(orderId).matches("\\d{3}-\\d{7}-\\d{7}");
        assertThat(json(created).get("sellerId").asText()).isEqualTo("A1PONTESANDBOX");
        assertThat(json(created).get("lastUpdatedTime").asText()).isEqualTo("2026-01-01T10:00:00Z");

        HttpResponse<String> changed = http.sendJson("PATCH", "/sandbox/amazon/orders/" + orderId,
                "{\"status\":\"UNSHIPPED\",\"lastUpdatedTime\":\"2026-01-01T11:00:00Z\"}");
        assertThat(json(changed).get("status").asText()).isEqualTo("UNSHIPPED");
        assertThat(json(changed).get("lastUpdatedTime").asText()).isEqualTo("2026-01-01T11:00:00Z");
        assertThat(http.sendJson("PATCH", "/sandbox/amazon/orders/403-0000000-0000000", "{\"status\":\"SHIPPED\"}").statusCode()).isEqualTo(404);
        assertThat(http.sendJson("POST", "/sandbox/amazon/orders", "{\"items\":[]}").statusCode()).isEqualTo(400);

        assertThat(json(http.sendJson("GET", "/sandbox/amazon/orders", null))).hasSize(1);
        http.sendJson("DELETE", "/sandbox/amazon/orders", null);
        assertThat(amazon.orders()).isEmpty();
    }
}
