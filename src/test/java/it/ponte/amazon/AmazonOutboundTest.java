package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.AmazonFault;
import it.ponte.sandbox.amazon.FeedSwitches;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 001, the last step: pending states told to Amazon, and final only when Amazon accepted the order's own message. */
class AmazonOutboundTest extends SyncTestBase {

    private long stored(SandboxOrder order) {
        return fixtures.shopId(order.orderId());
    }

    private String state(long id) {
        return (String) fixtures.order(id).get("amazon_state");
    }

    private Map<String, Object> outbox(long id, String kind) {
        return shopJdbc.queryForMap("SELECT * FROM amazon_outbox WHERE order_id = :id AND kind = :k", Map.of("id", id, "k", kind));
    }

    /** What 20 minutes do to Amazon's feed interval: the feeds Ponte created are that much older. */
    private void twentyMinutesPassSinceTheLastFeed() {
        shopJdbc.getJdbcTemplate().update("UPDATE amazon_feed SET submitted_at = submitted_at - INTERVAL 20 MINUTE");
    }

    @Test
    void aShipmentFromTheErpIsConfirmedToAmazonAndTheOrderBecomesShipped() {
        SandboxOrder order = fixtures.amazonOrder();
        sync.run(SyncMode.CHANGED);
        long id = stored(order);
        fixtures.shippingInErp(fixtures.documentOf(id), "BRT", Instant.now().truncatedTo(ChronoUnit.SECONDS), "BRT0001");

        sync.run(SyncMode.CHANGED);

        assertThat(state(id)).isEqualTo("SHIPPED");
        assertThat(amazon.shipmentsOf(order.orderId())).hasSize(1);
        assertThat(outbox(id, "SHIPMENT").get("status")).isEqualTo("DONE");
    }

    @Test
    void aPendingShipmentStaysPendingWhileAmazonIsDownAndCompletesNextRun() {
        SandboxOrder order = fixtures.amazonOrder();
        sync.run(SyncMode.CHANGED);
        long id = stored(order);
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/ship",
                "{\"carrier\":\"Poste Italiane\",\"shipDate\":\"2026-11-24T09:00:00Z\",\"trackingNumber\":\"PI123\"}").statusCode()).isEqualTo(200);
        amazon.faults().add(AmazonFault.of("confirmShipment", 503, 0));

        SyncRun down = sync.run(SyncMode.CHANGED);

        assertThat(state(id)).isEqualTo("PENDING_SHIPMENT");
        assertThat(down.errors()).anyMatch(e -> e.contains(order.orderId()) && e.contains("503"));
        assertThat(outbox(id, "SHIPMENT").get("last_error")).isNotNull();
        assertThat(outbox(id, "SHIPMENT").get("attempts")).as("an outage is no refusal").isEqualTo(0);
        amazon.faults().clear();
        // the circuit the outage opened lets a call through again once ponte.remote.circuit.open-for has passed
        amazonCircuitOpenForElapsed();

        sync.run(SyncMode.CHANGED);

        assertThat(state(id)).isEqualTo("SHIPPED");
        assertThat(amazon.shipmentsOf(order.orderId())).hasSize(1);
    }

    @Test
    void cancellationsTravelInOneFeedAndARefusedMessageKeepsOnlyItsOrderPending() {
        SandboxOrder first = fixtures.amazonOrder();
        SandboxOrder second = fixtures.amazonOrder();
        sync.run(SyncMode.CHANGED);
        long a = stored(first);
        long b = stored(second);
        fixtures.cancelInErp(fixtures.documentOf(a), "ANN-AMZ");
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + b + "/cancel", "{\"reason\":\"NoInventory\"}").statusCode()).isEqualTo(200);
        amazon.feeds().switches().failNextMessage(second.orderId(), "Ordine già in spedizione presso Amazon");

        SyncRun run = sync.run(SyncMode.CHANGED);

        assertThat(state(a)).isEqualTo("CANCELLED");
        assertThat(state(b)).isEqualTo("PENDING_CANCELLATION");
        assertThat(amazon.feeds().feeds()).hasSize(1);
        Map<String, Object> refused = outbox(b, "CANCEL");
        assertThat(refused.get("status")).isEqualTo("PENDING");
        assertThat((String) refused.get("last_error")).contains("Ordine già in spedizione presso Amazon");
        assertThat(outbox(a, "CANCEL").get("feed_id")).isEqualTo(refused.get("feed_id")).isNotNull();
        assertThat(outbox(a, "CANCEL").get("message_id")).isNotEqualTo(refused.get("message_id"));
        assertThat(run.errors()).anyMatch(e -> e.contains(second.orderId()) && e.contains("Ordine già in spedizione"));
        // Amazon takes one feed of a type per account every 20 minutes: the refused cancellation goes in the next one
        twentyMinutesPassSinceTheLastFeed();

        sync.run(SyncMode.CHANGED);

        assertThat(state(b)).isEqualTo("CANCELLED");
        assertThat(amazon.cancellationsOf(second.orderId())).isNotEmpty();
    }

    @Test
    void aRefundIsSentOnceAndTheOrderBecomesRefunded() {
        SandboxOrder order = fixtures.amazonOrder();
        sync.run(SyncMode.CHANGED);
        long id = stored(order);
        fixtures.shippingInErp(fixtures.documentOf(id), "BRT", Instant.now().truncatedTo(ChronoUnit.SECONDS), "BRT0002");
        sync.run(SyncMode.CHANGED);
        assertThat(state(id)).isEqualTo("SHIPPED");
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/refund", "{\"reason\":\"CustomerReturn\"}").statusCode()).isEqualTo(200);

        sync.run(SyncMode.CHANGED);
        sync.run(SyncMode.CHANGED);

        assertThat(state(id)).isEqualTo("REFUNDED");
        assertThat(amazon.refundsOf(order.orderId())).hasSize(1);
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/refund", "{\"reason\":\"CustomerReturn\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void aFeedStillInAmazonsHandsIsSettledByALaterRunNeverSentTwice() {
        SandboxOrder order = fixtures.amazonOrder();
        sync.run(SyncMode.CHANGED);
        long id = stored(order);
        shopJdbc.update("UPDATE shop_order SET amazon_state = 'SHIPPED' WHERE id = :id", Map.of("id", id));
        amazon.setStatus(order.orderId(), it.ponte.sandbox.amazon.FulfillmentStatus.SHIPPED);
        amazon.feeds().switches().configure(new FeedSwitches.Settings(FeedSwitches.FOREVER, 0, false));
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/refund", "{\"reason\":\"CustomerReturn\"}").statusCode()).isEqualTo(200);

        sync.run(SyncMode.CHANGED);
        sync.run(SyncMode.CHANGED);

        assertThat(state(id)).isEqualTo("PENDING_REFUND");
        assertThat(outbox(id, "REFUND").get("status")).isEqualTo("SENT");
        assertThat(amazon.feeds().feeds()).hasSize(1);
        amazon.feeds().switches().configure(FeedSwitches.Settings.IMMEDIATE);
        amazon.feeds().releaseHeldFeeds();

        sync.run(SyncMode.CHANGED);

        assertThat(state(id)).isEqualTo("REFUNDED");
        assertThat(amazon.feeds().feeds()).hasSize(1);
        assertThat(amazon.refundsOf(order.orderId())).hasSize(1);
    }
}
