package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sandbox.amazon.SandboxShipments;
import it.ponte.sandbox.amazon.ShipmentConfirmation;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * confirmShipment as real accounts meet it (issue 11): carrierCode and trackingNumber required, the shop's carrier
 * names mapped to Amazon's codes by configuration (Other + carrierName otherwise), a stable packageReferenceId so a
 * retry edits the package, and a 400 (a Ship+ order) parked at once with Amazon's reason.
 */
class AmazonShipmentRulesTest extends SyncTestBase {

    @Autowired
    SandboxShipments shipments;

    @AfterEach
    void shipmentSwitchesOff() {
        shipments.clear();
    }

    private long imported(SandboxOrder order) {
        sync.run(SyncMode.PARTIAL);
        return fixtures.shopId(order.orderId());
    }

    private Map<String, Object> command(long id) {
        return shopJdbc.queryForMap("SELECT * FROM amazon_outbox WHERE order_id = :id AND kind = 'SHIPMENT'", Map.of("id", id));
    }

    private String state(long id) {
        return (String) fixtures.order(id).get("amazon_state");
    }

    @Test
    void theShopsCarrierNameGoesAsAmazonsCarrierCodeAndAnUnknownCarrierAsOtherWithItsName() {
        SandboxOrder known = fixtures.amazonOrder();
        SandboxOrder unknown = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        long a = fixtures.shopId(known.orderId());
        long b = fixtures.shopId(unknown.orderId());
        Instant shipped = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        fixtures.shippingInErp(fixtures.documentOf(a), "poste italiane ", shipped, "PI0001");
        fixtures.shippingInErp(fixtures.documentOf(b), "Corriere Rossi", shipped, "CR0001");

        sync.run(SyncMode.CHANGED);

        ShipmentConfirmation mapped = amazon.shipmentsOf(known.orderId()).get(0);
        assertThat(mapped.carrierCode()).isEqualTo("Poste Italiane");
        assertThat(mapped.carrierName()).isNull();
        assertThat(mapped.trackingNumber()).isEqualTo("PI0001");
        ShipmentConfirmation other = amazon.shipmentsOf(unknown.orderId()).get(0);
        assertThat(other.carrierCode()).isEqualTo("Other");
        assertThat(other.carrierName()).isEqualTo("Corriere Rossi");
        assertThat(state(a)).isEqualTo("SHIPPED");
        assertThat(state(b)).isEqualTo("SHIPPED");
    }

    @Test
    void aShipmentWhoseTrackingNumberIsGoneIsNotSentAndTheReportSaysWhatIsMissing() {
        SandboxOrder order = fixtures.amazonOrder();
        long id = imported(order);
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/ship",
                "{\"carrier\":\"BRT\",\"shipDate\":\"2026-11-24T09:00:00Z\",\"trackingNumber\":\"BRT9\"}").statusCode()).isEqualTo(200);
        // both ways into PENDING_SHIPMENT ask for it; an edit of the order in the shop may still blank it afterwards
        shopJdbc.update("UPDATE shop_order SET tracking_number = '' WHERE id = :id", Map.of("id", id));
        amazon.requests().clear();

        SyncRun run = sync.run(SyncMode.CHANGED);

        assertThat(state(id)).isEqualTo("PENDING_SHIPMENT");
        assertThat(amazon.requests().all()).noneMatch(r -> r.path().endsWith("/shipmentConfirmation"));
        assertThat(run.errors()).anyMatch(e -> e.contains(order.orderId()) && e.contains("numero di tracking"));
        assertThat((String) command(id).get("last_error")).contains("numero di tracking");
    }

    @Test
    void aRetryAfterALostAnswerEditsThePackageAmazonAlreadyHasInsteadOfAddingOne() {
        SandboxOrder order = fixtures.amazonOrder();
        long id = imported(order);
        shipments.loseNextAnswer(order.orderId());
        fixtures.shippingInErp(fixtures.documentOf(id), "BRT", Instant.now().truncatedTo(ChronoUnit.SECONDS), "BRT0100");

        SyncRun run = sync.run(SyncMode.CHANGED);

        List<Integer> answers = amazon.requests().all().stream().filter(r -> r.path().endsWith("/shipmentConfirmation"))
                .map(it.ponte.sandbox.amazon.RecordedRequest::status).toList();
        assertThat(answers).as("the first answer was lost, the retry accepted").containsExactly(503, 204);
        assertThat(amazon.shipmentsOf(order.orderId())).as("one package, edited by the retry").hasSize(1);
        assertThat(state(id)).isEqualTo("SHIPPED");
        assertThat(run.errors()).isEmpty();
    }

    @Test
    void aShipPlusOrderAmazonRefusesWith400IsParkedAtOnceWithAmazonsReason() throws Exception {
        SandboxOrder order = fixtures.amazonOrder();
        long id = imported(order);
        shipments.shipPlus(order.orderId());
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/ship",
                "{\"carrier\":\"BRT\",\"shipDate\":\"2026-11-24T09:00:00Z\",\"trackingNumber\":\"BRT77\"}").statusCode()).isEqualTo(200);
        amazon.requests().clear();

        SyncRun run = sync.run(SyncMode.CHANGED);
        sync.run(SyncMode.CHANGED);

        assertThat(command(id).get("status")).isEqualTo("PARKED");
        assertThat((String) command(id).get("last_error")).contains("Ship+").contains("HTTP 400");
        assertThat(state(id)).isEqualTo("PENDING_SHIPMENT");
        assertThat(amazon.requests().all().stream().filter(r -> r.path().endsWith("/shipmentConfirmation")).count())
                .as("sent once: a parked command is not sent again").isEqualTo(1);
        assertThat(run.errors()).anyMatch(e -> e.contains(order.orderId()) && e.contains("Ship+") && e.contains("parcheggiato"));
        assertThat(Http.get(baseUrl() + "/api/amazon/parked").body()).contains(order.orderId()).contains("Ship+");
    }
}
