package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.outbox.OutboxLifecycle;
import it.ponte.remote.RemoteCircuits;
import it.ponte.sandbox.amazon.AmazonFault;
import it.ponte.sandbox.amazon.RecordedRequest;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import it.ponte.sync.SyncRun;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Amazon's side of the failure policy, over real HTTP against the sandbox: transient failures redelivered, refusals
 * parked with Amazon's reason and retried on demand, Amazon down behind an open circuit while the run goes on, and one
 * record's surprise (an unusable feed document URL, a malformed order) failing that record alone.
 */
class AmazonFailurePolicyTest extends SyncTestBase {

    private static final String SHIPMENT_PATH = "/shipmentConfirmation";

    @Autowired
    OutboxLifecycle lifecycle;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void amazonBack() {
        amazon.faults().clear();
    }

    @Test
    void aShipmentAmazonAnswers503And429WithRetryAfterIsRedeliveredAndConfirmedInTheSameRun() {
        long id = pendingShipment();
        amazon.faults().add(AmazonFault.of("confirmShipment", 503, 1));
        amazon.faults().add(AmazonFault.of("confirmShipment", 429, 1).retryAfter(1));

        SyncRun run = sync.run(SyncMode.CHANGED);

        assertThat(run.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(state(id)).isEqualTo("SHIPPED");
        List<RecordedRequest> calls = amazon.requests().all().stream().filter(r -> r.path().endsWith(SHIPMENT_PATH)).toList();
        assertThat(calls).extracting(RecordedRequest::status).containsExactly(503, 429, 204);
        assertThat(Duration.between(calls.get(1).receivedAt(), calls.get(2).receivedAt()))
                .as("Amazon's Retry-After is honoured").isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(outbox(id).get("attempts")).as("transient failures never count toward parking").isEqualTo(0);
    }

    @Test
    void aShipmentAmazonRefusesIsParkedWithAmazonsReasonAfterTheConfiguredRefusalsAndRetriedOnDemand() throws Exception {
        long id = pendingShipment();
        String amazonOrderId = (String) fixtures.order(id).get("amazon_order_id");
        // a refusal other than 400 (which parks at once: AmazonShipmentRulesTest) counts toward the configured limit
        amazon.faults().add(AmazonFault.of("confirmShipment", 404, 0));

        for (int run = 1; run <= lifecycle.maxRefusals(); run++) {
            SyncRun refused = sync.run(SyncMode.CHANGED);
            assertThat(refused.errors()).anyMatch(e -> e.contains(amazonOrderId) && e.contains("NotFound"));
            assertThat(outbox(id).get("status")).isEqualTo(run < lifecycle.maxRefusals() ? "PENDING" : "PARKED");
        }
        assertThat(shipmentCalls()).as("a refusal is not redelivered").isEqualTo(lifecycle.maxRefusals());
        assertThat(outbox(id).get("attempts")).isEqualTo(lifecycle.maxRefusals());
        assertThat((String) outbox(id).get("last_error")).contains("HTTP 404 NotFound").contains("confirmShipment");
        assertThat(state(id)).as("the order stays pending while its command is parked").isEqualTo("PENDING_SHIPMENT");

        sync.run(SyncMode.CHANGED);
        assertThat(shipmentCalls()).as("a parked command is not sent").isEqualTo(lifecycle.maxRefusals());

        HttpResponse<String> parked = Http.get(baseUrl() + "/api/amazon/parked");
        assertThat(parked.statusCode()).isEqualTo(200);
        JsonNode entry = json.readTree(parked.body()).get(0);
        assertThat(entry.path("amazonOrderId").asText()).isEqualTo(amazonOrderId);
        assertThat(entry.path("orderId").asLong()).isEqualTo(id);
        assertThat(entry.path("lastError").asText()).contains("NotFound");
        long commandId = entry.path("id").asLong();

        amazon.faults().clear();
        HttpResponse<String> retried = Http.postJson(baseUrl() + "/api/amazon/parked/" + commandId + "/retry", "");
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(json.readTree(retried.body()).path("status").asText()).isEqualTo("PENDING");
        assertThat(outbox(id).get("attempts")).isEqualTo(0);

        sync.run(SyncMode.CHANGED);

        assertThat(state(id)).isEqualTo("SHIPPED");
        assertThat(outbox(id).get("status")).isEqualTo("DONE");
        HttpResponse<String> notParked = Http.postJson(baseUrl() + "/api/amazon/parked/" + commandId + "/retry", "");
        assertThat(notParked.statusCode()).isEqualTo(404);
        assertThat(notParked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void amazonDownOpensTheCircuitAndTheRunsOtherPhasesStillRunAndSaySo() {
        long shipment = pendingShipment();
        long webOrder = fixtures.webOrder("REGISTERED");
        amazon.faults().add(AmazonFault.of("*", 503, 0));

        SyncRun run = sync.run(SyncMode.CHANGED);

        CircuitBreaker circuit = remoteCircuitBreakerRegistry.circuitBreaker(RemoteCircuits.AMAZON);
        assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(run.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        // said once, and rightly: Amazon answered (503), it was not unreachable
        assertThat(run.errors()).filteredOn(e -> e.endsWith(AmazonOutbox.AMAZON_DOWN)).singleElement()
                .satisfies(e -> assertThat(e).startsWith("Amazon risponde con errori (HTTP 503 ServiceUnavailable)")
                        .doesNotContain("non raggiungibile"));
        assertThat(fixtures.order(webOrder).get("status")).as("the ERP insert ran").isEqualTo("STORED");
        assertThat(run.counts()).as("Mailchimp and the report ran").containsKeys("phase.MAILCHIMP.ms", "phase.REPORT.ms");
        assertThat(state(shipment)).isEqualTo("PENDING_SHIPMENT");
        assertThat(outbox(shipment).get("attempts")).as("an outage is no refusal").isEqualTo(0);
        assertThat(shipmentCalls()).as("no call once the circuit is open").isZero();
        // the administrator reads it in the run's one report, both parts
        assertThat(mail.messages()).filteredOn(m -> m.subject().contains("#" + run.id() + " ")).singleElement().satisfies(report -> {
            assertThat(report.text()).contains("Amazon non raggiungibile");
            assertThat(report.html()).contains("Amazon non raggiungibile");
        });
    }

    @Test
    void aFeedDocumentUrlWithoutSchemeFailsOnlyThatFeedsRefundWithTheStepAndTheNextRunSendsIt() {
        SandboxOrder refunded = fixtures.amazonOrder();
        SandboxOrder shipped = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        long refund = fixtures.shopId(refunded.orderId());
        long shipment = fixtures.shopId(shipped.orderId());
        fixtures.shippingInErp(fixtures.documentOf(refund), "BRT", Instant.now().truncatedTo(ChronoUnit.SECONDS), "BRT0003");
        sync.run(SyncMode.CHANGED);
        assertThat(state(refund)).isEqualTo("SHIPPED");
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + refund + "/refund", "{\"reason\":\"CustomerReturn\"}").statusCode())
                .isEqualTo(200);
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + shipment + "/ship",
                "{\"carrier\":\"GLS\",\"shipDate\":\"2026-11-24T09:00:00Z\",\"trackingNumber\":\"GLS42\"}").statusCode()).isEqualTo(200);
        amazon.feeds().switches().answerUnusableDocumentUrls(true);

        SyncRun run = sync.run(SyncMode.CHANGED);

        assertThat(run.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        String amazonOrderId = refunded.orderId();
        assertThat(run.errors()).anyMatch(e -> e.contains(amazonOrderId) && e.contains("uploadFeedDocument") && e.contains("not an absolute"));
        Map<String, Object> command = shopJdbc.queryForMap("SELECT * FROM amazon_outbox WHERE order_id = :id AND kind = 'REFUND'", Map.of("id", refund));
        assertThat(command.get("status")).isEqualTo("PENDING");
        assertThat((String) command.get("last_error")).contains("uploadFeedDocument").contains("not an absolute");
        assertThat(state(refund)).isEqualTo("PENDING_REFUND");
        assertThat(state(shipment)).as("the other commands went on").isEqualTo("SHIPPED");
        assertThat(run.counts()).as("the later phases ran").containsKeys("phase.MAILCHIMP.ms", "phase.REPORT.ms");
        assertThat(amazon.feeds().feeds()).isEmpty();

        amazon.feeds().switches().answerUnusableDocumentUrls(false);
        SyncRun next = sync.run(SyncMode.CHANGED);

        assertThat(next.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(state(refund)).isEqualTo("REFUNDED");
        assertThat(amazon.refundsOf(amazonOrderId)).hasSize(1);
    }

    @Test
    void anOrderWithAnUnreadableDateFailsAloneWithTheFieldNamedAndTheOthersAreImported() {
        SandboxOrder first = fixtures.amazonOrder();
        SandboxOrder malformed = fixtures.amazonOrder();
        SandboxOrder third = fixtures.amazonOrder();
        amazon.malformCreatedTime(malformed.orderId());

        SyncRun run = sync.run(SyncMode.PARTIAL);

        assertThat(run.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(run.errors()).anyMatch(e -> e.contains(malformed.orderId()) && e.contains("createdTime") && e.contains("amazon-import-order"));
        assertThat(fixtures.order(fixtures.shopId(first.orderId())).get("status")).isEqualTo("STORED");
        assertThat(fixtures.order(fixtures.shopId(third.orderId())).get("status")).isEqualTo("STORED");
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE amazon_order_id = :id", Map.of("id", malformed.orderId()), Integer.class))
                .isZero();
        assertThat(shopJdbc.queryForObject("SELECT reason FROM amazon_order_hold WHERE amazon_order_id = :id", Map.of("id", malformed.orderId()),
                String.class)).contains("createdTime");

        amazon.renderOrdersWell();
        SyncRun next = sync.run(SyncMode.PARTIAL);

        assertThat(next.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(fixtures.order(fixtures.shopId(malformed.orderId())).get("status")).isEqualTo("STORED");
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM amazon_order_hold", Map.of(), Integer.class)).isZero();
    }

    // ---- helpers

    /** An Amazon order stored and inserted into the ERP, then shipped by the administrator: its confirmation is owed. */
    private long pendingShipment() {
        SandboxOrder order = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        long id = fixtures.shopId(order.orderId());
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/ship",
                "{\"carrier\":\"BRT\",\"shipDate\":\"2026-11-24T09:00:00Z\",\"trackingNumber\":\"BRT42\"}").statusCode()).isEqualTo(200);
        amazon.requests().clear();
        return id;
    }

    private long shipmentCalls() {
        return amazon.requests().all().stream().filter(r -> r.path().endsWith(SHIPMENT_PATH)).count();
    }

    private String state(long id) {
        return (String) fixtures.order(id).get("amazon_state");
    }

    private Map<String, Object> outbox(long id) {
        return shopJdbc.queryForMap("SELECT * FROM amazon_outbox WHERE order_id = :id AND kind = 'SHIPMENT'", Map.of("id", id));
    }
}
