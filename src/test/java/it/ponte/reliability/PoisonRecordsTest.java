package it.ponte.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.erp.ErpParkedOrders;
import it.ponte.mailchimp.MailchimpProperties;
import it.ponte.outbox.OutboxLifecycle;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sandbox.amazon.SandboxShipments;
import it.ponte.sandbox.mail.ReceivedMail;
import it.ponte.sandbox.mailchimp.SandboxMailchimpFaults;
import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import it.ponte.sync.SyncRun;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Poison records (issue 10): in one workload of good records, four that can never go through, each for a real reason
 * of its remote: an order the ERP refuses (a quantity beyond its column), a shipment Amazon refuses (a Ship+ order),
 * an order Mailchimp refuses (a currency that is not ISO 4217) and an Amazon order whose answer is malformed (its
 * createdTime unreadable). Each is parked or held after its bounded tries with its reason, visible over REST and in
 * the report mail; every good record goes through in the first run; a parked order comes back on demand.
 */
class PoisonRecordsTest extends SyncTestBase {

    private static final int GOOD_WEB_ORDERS = 6;
    private static final int GOOD_AMAZON_ORDERS = 4;
    /** Beyond what the ERP's erp_row.quantity (DECIMAL(12,3)) holds, within what the shop's INT holds. */
    private static final int QUANTITY_THE_ERP_REFUSES = 2_000_000_000;

    @Autowired
    ErpParkedOrders erpParked;
    @Autowired
    OutboxLifecycle outboxLifecycle;
    @Autowired
    MailchimpProperties mailchimpProperties;
    @Autowired
    SandboxMailchimpState mailchimp;
    @Autowired
    SandboxMailchimpFaults mailchimpFaults;
    @Autowired
    CircuitBreaker mailchimpCircuitBreaker;
    @Autowired
    SandboxShipments shipments;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void listAndCatalogue() {
        mailchimp.reset();
        mailchimpFaults.reset();
        mailchimpCircuitBreaker.reset();
        shopJdbc.update("INSERT IGNORE INTO product (sku, title, price) VALUES ('PONTE-MOKA-3', 'Moka in alluminio 3 tazze', 30.00)", Map.of());
    }

    @AfterEach
    void remotesAsBefore() {
        shipments.clear();
        amazon.renderOrdersWell();
        mailchimpFaults.reset();
        mailchimpCircuitBreaker.reset();
    }

    @Test
    void fourPoisonRecordsAreParkedOrHeldWithTheirReasonsAndNoGoodRecordWaits() throws Exception {
        // staged before the workload: two Amazon orders in the shop and the ERP, both shipped by the administrator;
        // one of them is a Ship+ order, whose shipment Amazon refuses with 400 every time
        SandboxOrder shipped = fixtures.amazonOrder();
        SandboxOrder shipPlus = fixtures.amazonOrder();
        assertThat(sync.run(SyncMode.PARTIAL).outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        long shippedId = fixtures.shopId(shipped.orderId());
        long shipPlusId = fixtures.shopId(shipPlus.orderId());
        shipments.shipPlus(shipPlus.orderId());
        for (long id : List.of(shippedId, shipPlusId)) {
            assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/ship",
                    "{\"carrier\":\"BRT\",\"shipDate\":\"2026-11-24T09:00:00Z\",\"trackingNumber\":\"BRT" + id + "\"}").statusCode())
                    .isEqualTo(200);
        }
        mail.purge();

        // the workload: good web and Amazon orders, and among them the poison
        List<Long> goodWeb = new ArrayList<>();
        for (int i = 0; i < GOOD_WEB_ORDERS; i++) {
            goodWeb.add(memberOrder());
        }
        long erpPoison = memberOrder();
        shopJdbc.update("UPDATE order_row SET quantity = :q WHERE order_id = :o", Map.of("q", QUANTITY_THE_ERP_REFUSES, "o", erpPoison));
        long mailchimpPoison = memberOrder();
        shopJdbc.update("UPDATE shop_order SET currency = 'ZZZ' WHERE id = :o", Map.of("o", mailchimpPoison));
        // created after the staging poll, inside the next poll's window
        java.time.Instant recently = java.time.Instant.now().minus(java.time.Duration.ofMinutes(4));
        List<SandboxOrder> goodAmazon = new ArrayList<>();
        for (int i = 0; i < GOOD_AMAZON_ORDERS / 2; i++) {
            goodAmazon.add(fixtures.amazonOrder(recently));
        }
        SandboxOrder malformed = fixtures.amazonOrder(recently);
        amazon.malformCreatedTime(malformed.orderId());
        for (int i = GOOD_AMAZON_ORDERS / 2; i < GOOD_AMAZON_ORDERS; i++) {
            goodAmazon.add(fixtures.amazonOrder(recently));
        }

        // run 1: every good record goes through; each poison record fails with its reason
        SyncRun first = sync.run(SyncMode.CHANGED);
        assertThat(first.outcome()).as(first.toString()).isEqualTo(SyncOutcome.PARTIAL);
        List<Long> goodOrders = new ArrayList<>(goodWeb);
        goodOrders.add(mailchimpPoison);
        goodAmazon.forEach(o -> goodOrders.add(fixtures.shopId(o.orderId())));
        for (long id : goodOrders) {
            assertThat(fixtures.order(id).get("status")).as("order %d in the ERP in the first run", id).isEqualTo("STORED");
        }
        assertThat(amazonState(shippedId)).as("the good shipment confirmed in the first run").isEqualTo("SHIPPED");
        for (long id : goodWeb) {
            assertThat(mailchimpOrder(id)).as("web order %d in Mailchimp in the first run", id).isPresent();
        }
        assertThat(count("SELECT COUNT(*) FROM mailchimp_outbox WHERE status <> 'DONE'"))
                .as("nothing owed to Mailchimp but the refused order").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM amazon_outbox WHERE status <> 'DONE'"))
                .as("nothing owed to Amazon but the Ship+ shipment").isEqualTo(1);
        int delayed = count("SELECT COUNT(*) FROM shop_order WHERE status = 'REGISTERED' AND id <> " + erpPoison);
        assertThat(delayed).as("no good order waits for a later run").isZero();
        assertThat(first.errors()).anyMatch(e -> e.contains("#" + erpPoison) && e.contains("tentativo 1 di " + erpParked.maxAttempts()));
        assertThat(first.errors()).anyMatch(e -> e.contains(shipPlus.orderId()) && e.contains("Ship+") && e.contains("parcheggiato"));
        assertThat(first.errors()).anyMatch(e -> e.contains(malformed.orderId()) && e.contains("createdTime"));

        // the following runs: the poison records are tried again only up to their bounds
        int runs = 1;
        int maxRuns = Math.max(erpParked.maxAttempts(), mailchimpProperties.maxAttempts());
        while (runs < maxRuns) {
            runs++;
            SyncRun run = sync.run(SyncMode.CHANGED);
            assertThat(run.outcome()).as(run.toString()).isEqualTo(SyncOutcome.PARTIAL);
            assertThat(erpAttempts(erpPoison)).isEqualTo(Math.min(runs, erpParked.maxAttempts()));
            assertThat(parkedAt(erpPoison) != null).as("parked after run %d", runs).isEqualTo(runs >= erpParked.maxAttempts());
        }
        int erpAttempts = erpAttempts(erpPoison);
        int mailchimpAttempts = count("SELECT attempts FROM mailchimp_outbox WHERE entity = 'ORDER' AND entity_id = " + mailchimpPoison);
        int amazonAttempts = shipmentCalls(shipPlus.orderId());
        int heldReads = count("SELECT attempts FROM amazon_order_hold WHERE amazon_order_id = '" + malformed.orderId() + "'");

        // one more run: nothing parked is tried again
        SyncRun after = sync.run(SyncMode.CHANGED);
        runs++;
        assertThat(erpAttempts(erpPoison)).as("a parked order is not tried again").isEqualTo(erpAttempts);
        assertThat(after.errors()).noneMatch(e -> e.contains("#" + erpPoison));
        assertThat(count("SELECT attempts FROM mailchimp_outbox WHERE entity = 'ORDER' AND entity_id = " + mailchimpPoison))
                .isEqualTo(mailchimpAttempts);
        assertThat(shipmentCalls(shipPlus.orderId())).as("a parked shipment is not sent again").isEqualTo(amazonAttempts);
        assertThat(fixtures.order(erpPoison).get("status")).as("parked, the order stays REGISTERED").isEqualTo("REGISTERED");

        // each with its reason in the shop
        assertThat(erpAttempts).isEqualTo(erpParked.maxAttempts());
        assertThat(status("mailchimp_outbox", "entity = 'ORDER' AND entity_id = " + mailchimpPoison)).isEqualTo("PARKED");
        assertThat(mailchimpAttempts).isEqualTo(mailchimpProperties.maxAttempts());
        assertThat(status("amazon_outbox", "order_id = " + shipPlusId)).isEqualTo("PARKED");
        assertThat(amazonAttempts).as("Amazon's 400 parks at once: sending again cannot change it").isEqualTo(1);
        assertThat(heldReads).isPositive();

        // visible over REST
        JsonNode erp = json.readTree(Http.get(baseUrl() + "/api/erp/parked").body());
        assertThat(erp).singleElement().satisfies(p -> {
            assertThat(p.path("orderId").asLong()).isEqualTo(erpPoison);
            assertThat(p.path("attempts").asInt()).isEqualTo(erpParked.maxAttempts());
            assertThat(p.path("state").asText()).isEqualTo("PARKED");
            assertThat(p.path("lastError").asText()).containsIgnoringCase("quantity").contains("erp-document-rows");
        });
        JsonNode amazonParked = json.readTree(Http.get(baseUrl() + "/api/amazon/parked").body());
        assertThat(amazonParked).singleElement().satisfies(p -> {
            assertThat(p.path("amazonOrderId").asText()).isEqualTo(shipPlus.orderId());
            assertThat(p.path("lastError").asText()).contains("Ship+");
        });
        JsonNode mailchimpParked = json.readTree(Http.get(baseUrl() + "/api/mailchimp/parked").body());
        assertThat(mailchimpParked).singleElement().satisfies(p -> {
            assertThat(p.path("entityId").asLong()).isEqualTo(mailchimpPoison);
            assertThat(p.path("lastError").asText()).contains("currency_code");
        });
        JsonNode health = json.readTree(Http.get(baseUrl() + "/actuator/health").body()).path("components").path("outbox").path("details");
        assertThat(health.path("erp").path("PARKED").asInt()).isEqualTo(1);
        assertThat(health.path("amazon").path("PARKED").asInt()).isEqualTo(1);
        assertThat(health.path("mailchimp").path("PARKED").asInt()).isEqualTo(1);
        JsonNode held = json.readTree(Http.get(baseUrl() + "/api/amazon/held").body());
        assertThat(held).singleElement().satisfies(h -> {
            assertThat(h.path("amazonOrderId").asText()).isEqualTo(malformed.orderId());
            assertThat(h.path("reason").asText()).contains("createdTime").contains("amazon-import-order");
        });

        // and in the report mails: the Ship+ refusal and the unreadable order in the first run's, every parked record in
        // the report of the run that parked the last of them
        List<ReceivedMail> reports = mail.messages();
        assertThat(reports).hasSizeGreaterThanOrEqualTo(maxRuns);
        ReceivedMail firstReport = reports.get(0);
        assertThat(firstReport.text()).contains(shipPlus.orderId()).contains("Ship+").contains(malformed.orderId()).contains("createdTime");
        ReceivedMail parkingReport = reports.get(maxRuns - 1);
        assertThat(parkingReport.text())
                .contains("Ordini sospesi per il gestionale").contains("#" + erpPoison).contains("quantity")
                .contains("Record sospesi").contains("currency_code");
        assertThat(parkingReport.html()).contains("/api/erp/parked/");

        // retry on demand: the merchant fixes the order and puts it back in line (OPERATOR; a VIEWER may not)
        assertThat(postAs(Http.VIEWER, "/api/erp/parked/" + erpPoison + "/retry").statusCode())
                .isEqualTo(403);
        shopJdbc.update("UPDATE order_row SET quantity = 2 WHERE order_id = :o", Map.of("o", erpPoison));
        HttpResponse<String> retried = postAs(Http.OPERATOR, "/api/erp/parked/" + erpPoison + "/retry");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(json.readTree(retried.body()).path("state").asText()).isEqualTo("PENDING");
        assertThat(json.readTree(retried.body()).path("attempts").asInt()).isZero();
        assertThat(json.readTree(Http.get(baseUrl() + "/api/erp/parked").body())).isEmpty();

        SyncRun back = sync.run(SyncMode.CHANGED);
        runs++;
        assertThat(fixtures.order(erpPoison).get("status")).as(back.toString()).isEqualTo("STORED");
        assertThat(fixtures.order(erpPoison).get("erp_error")).isNull();
        HttpResponse<String> notParked = Http.postJson(baseUrl() + "/api/erp/parked/" + erpPoison + "/retry", "");
        assertThat(notParked.statusCode()).isEqualTo(404);
        assertThat(notParked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        int orders = goodOrders.size() + 1 + 2;
        assertThat(count("SELECT COUNT(*) FROM shop_order")).as("every order once in the shop").isEqualTo(orders);
        assertThat(erpJdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM erp_document", Integer.class))
                .as("every order once in the ERP").isEqualTo(orders);
        System.out.println("POISON RECORDS: " + goodOrders.size() + " good orders and 1 good shipment in the workload, all through in the "
                + "first run; " + runs
                + " runs; ERP order parked after " + erpAttempts + " attempts, Mailchimp order parked after " + mailchimpAttempts
                + " refusals, Amazon Ship+ shipment parked after " + amazonAttempts + " refusal, malformed Amazon order held at once ("
                + heldReads + " reads); good records delayed: " + delayed);
    }

    @Autowired
    it.ponte.erp.ErpInsertFailures erpInsertFailures;
    @Autowired
    it.ponte.remote.FailurePolicy failurePolicy;

    /**
     * The rule behind the bounded tries, with the failures as the ERP pool and the ERP raise them: the pool timing out
     * (the ERP unreachable) is TRANSIENT and never counts; the ERP refusing the order counts, up to parking.
     */
    @Test
    void anErpOutageNeverCountsTowardParkingAndTheOrdersOwnFailureDoes() {
        long order = fixtures.webOrder("REGISTERED");
        Exception outage = new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new java.sql.SQLTransientConnectionException(it.ponte.db.DataSourcesConfig.ERP_POOL
                        + " - Connection is not available, request timed out after 5000ms"));
        Exception refusal = new java.sql.SQLDataException("(conn=5) Out of range value for column 'quantity' at row 1");
        assertThat(failurePolicy.classify(outage)).isEqualTo(it.ponte.remote.FailureClass.TRANSIENT);

        for (int i = 0; i < erpParked.maxAttempts() * 2; i++) {
            String line = erpInsertFailures.recordFailed(new it.ponte.remote.RecordFailure(order, failurePolicy.classify(outage),
                    "erp-customer-account", failurePolicy.reason(outage)));
            assertThat(line).contains("gestionale non raggiungibile");
        }
        assertThat(erpAttempts(order)).as("an outage is not the order's fault").isZero();
        assertThat(parkedAt(order)).isNull();
        assertThat(fixtures.order(order).get("erp_error").toString()).contains("Failed to obtain JDBC Connection");

        for (int i = 1; i <= erpParked.maxAttempts(); i++) {
            String line = erpInsertFailures.recordFailed(new it.ponte.remote.RecordFailure(order, failurePolicy.classify(refusal),
                    "erp-document-rows", failurePolicy.reason(refusal)));
            assertThat(line).contains(i < erpParked.maxAttempts() ? "tentativo " + i + " di " : "parcheggiato dopo " + i + " tentativi");
        }
        assertThat(erpAttempts(order)).isEqualTo(erpParked.maxAttempts());
        assertThat(parkedAt(order)).isNotNull();
        assertThat(shopJdbc.queryForList("SELECT id FROM shop_order WHERE status = 'REGISTERED' AND erp_parked_at IS NULL", Map.of(),
                Long.class)).as("a parked order waits for no run").doesNotContain(order);
    }

    /** A web order of a customer in the Mailchimp list, waiting for the ERP insert. */
    private long memberOrder() {
        long order = fixtures.webOrder("REGISTERED");
        String email = shopJdbc.queryForObject("SELECT c.email FROM customer c JOIN shop_order o ON o.customer_id = c.id WHERE o.id = :id",
                Map.of("id", order), String.class);
        mailchimp.putMember(email, "subscribed");
        return order;
    }

    private HttpResponse<String> postAs(String user, String path) {
        return Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
                .header("Content-Type", "application/json").header("Authorization", Http.as(user))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("")).build());
    }

    private java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> mailchimpOrder(long orderId) {
        return mailchimp.store(mailchimpProperties.storeId()).flatMap(s -> s.order(String.valueOf(orderId)));
    }

    private String amazonState(long id) {
        return (String) fixtures.order(id).get("amazon_state");
    }

    private int erpAttempts(long id) {
        return ((Number) fixtures.order(id).get("erp_attempts")).intValue();
    }

    private Object parkedAt(long id) {
        return fixtures.order(id).get("erp_parked_at");
    }

    private String status(String table, String where) {
        return shopJdbc.getJdbcTemplate().queryForObject("SELECT status FROM " + table + " WHERE " + where, String.class);
    }

    private int shipmentCalls(String amazonOrderId) {
        return (int) amazon.requests().all().stream()
                .filter(r -> r.path().endsWith("/shipmentConfirmation") && r.path().contains(amazonOrderId)).count();
    }

    private int count(String sql) {
        Integer n = shopJdbc.getJdbcTemplate().queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }
}
