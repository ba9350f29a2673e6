package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ponte.PonteIntegrationTest;
import it.ponte.mailchimp.MailchimpResources.Customer;
import it.ponte.mailchimp.MailchimpResources.Line;
import it.ponte.mailchimp.MailchimpResources.Order;
import it.ponte.mailchimp.MailchimpResources.Product;
import it.ponte.mailchimp.MailchimpResources.Store;
import it.ponte.mailchimp.MailchimpResources.Variant;
import it.ponte.sandbox.mailchimp.SandboxMailchimpFaults;
import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import it.ponte.remote.FailureClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The simulated Mailchimp behaves as the real one on the points Ponte relies on, and the client copes with it. */
class MailchimpSandboxTest extends PonteIntegrationTest {

    @Autowired
    MailchimpClient client;
    @Autowired
    MailchimpProperties properties;
    @Autowired
    SandboxMailchimpState sandbox;
    @Autowired
    SandboxMailchimpFaults faults;

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    CircuitBreaker mailchimpCircuitBreaker;

    @BeforeEach
    void reset() {
        sandbox.reset();
        faults.reset();
        mailchimpCircuitBreaker.reset();
    }

    @AfterEach
    void closeCircuit() {
        // the circuit is shared by the whole Spring context: leave it closed for the next test
        mailchimpCircuitBreaker.reset();
    }

    @Test
    void moreThanTenConnectionsGet429() throws Exception {
        faults.latency(400);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            calls.add(http.sendAsync(get("/automations", properties.apiKey()), HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
        assertThat(statuses).contains(200).contains(429);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isGreaterThanOrEqualTo(4);
        HttpResponse<String> refused = calls.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(sandbox.requests()).anyMatch(r -> r.startsWith("REFUSED 429"));
    }

    @Test
    void clientNeverExceedsTenConnections() {
        ensureStore();
        faults.latency(150);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String id = "p" + i;
            writes.add(CompletableFuture.runAsync(() -> client.putProduct(product(id)), java.util.concurrent.Executors.newSingleThreadExecutor()));
        }
        writes.forEach(CompletableFuture::join);
        assertThat(sandbox.requests().stream().filter(r -> r.startsWith("PUT /ecommerce/stores/" + properties.storeId() + "/products/")).count()).isEqualTo(25);
        assertThat(sandbox.requests()).noneMatch(r -> r.startsWith("REFUSED 429"));
    }

    @Test
    void callsWithoutTheApiKeyAreRefused() throws Exception {
        HttpResponse<String> answer = http.send(get("/automations", "wrong-us6"), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("\"title\":\"API Key Invalid\"");
    }

    @Test
    void orderPostedTwiceIsPatchedNotDuplicated() {
        ensureStore();
        client.putProduct(product("p1"));
        assertThat(client.createOrder(order("o1", "pending"))).isEqualTo(MailchimpClient.WriteOutcome.CREATED);
        assertThat(client.createOrder(order("o1", "paid"))).isEqualTo(MailchimpClient.WriteOutcome.UPDATED);
        assertThat(sandbox.store(properties.storeId()).orElseThrow().orderCount()).isEqualTo(1);
        assertThat(sandbox.store(properties.storeId()).orElseThrow().order("o1").orElseThrow().path("financial_status").asText()).isEqualTo("paid");
        assertThat(client.updateOrder(order("o2", "pending"))).isEqualTo(MailchimpClient.WriteOutcome.CREATED);
    }

    @Test
    void validationErrorsCarryMailchimpsFieldErrors() {
        ensureStore();
        Product noVariants = new Product("p9", "Senza varianti", null, null, null, null, null, List.of());
        assertThatThrownBy(() -> client.putProduct(noVariants))
                .isInstanceOfSatisfying(MailchimpException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.title()).isEqualTo("Invalid Resource");
                    assertThat(e.errors()).extracting(MailchimpException.FieldError::field).contains("variants");
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).doesNotContain(properties.apiKey());
                });
        assertThatThrownBy(() -> client.createOrder(order("o3", "pending")))
                .isInstanceOfSatisfying(MailchimpException.class, e -> assertThat(e.isMissingProduct()).isTrue());
    }

    @Test
    void transientFailuresAreRetried() {
        ensureStore();
        faults.failNext(2, 503);
        client.putProduct(product("p1"));
        faults.failNext(1, 403);
        client.putProduct(product("p2"));
        assertThat(sandbox.store(properties.storeId()).orElseThrow().product("p2")).isPresent();
        faults.down(true);
        // an outage, never a refusal: retried until the redeliveries run out or the circuit opens
        assertThatThrownBy(() -> client.putProduct(product("p3")))
                .isInstanceOfSatisfying(MailchimpException.class, e -> {
                    assertThat(e.failureClass()).isIn(FailureClass.TRANSIENT, FailureClass.REMOTE_DOWN);
                    assertThat(e.failureClass().countsTowardParking()).isFalse();
                });
    }

    @Test
    void memberLookupUsesTheSubscriberHash() {
        sandbox.putMember("Mario.Rossi@Example.it", "subscribed");
        assertThat(client.memberStatus("mario.rossi@example.it")).contains("subscribed");
        assertThat(client.memberStatus("nobody@example.it")).isEmpty();
        assertThat(client.members(0, 1000).members()).hasSize(1);
    }

    private void ensureStore() {
        client.ensureStore(new Store(properties.storeId(), properties.listId(), properties.storeName(), "EUR", "Ponte", null));
    }

    private static Product product(String id) {
        return new Product(id, "Prodotto " + id, null, null, null, null, null,
                List.of(new Variant(id, "Prodotto " + id, "SKU-" + id, new BigDecimal("10.00"), null, null)));
    }

    private static Order order(String id, String financial) {
        return new Order(id, new Customer("c1", "c1@example.it", false, "C", "Uno", null, null), "EUR", new BigDecimal("10.00"),
                null, financial, null, null, null, null, null, null, null,
                List.of(new Line("1", "p1", "p1", 1, new BigDecimal("10.00"))));
    }

    private HttpRequest get(String path, String key) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/mailchimp/3.0" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("x:" + key).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
    }
}
