package it.ponte.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.mailchimp.MailchimpProperties;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.amazon.SandboxAddress;
import it.ponte.sandbox.amazon.SandboxFeed;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sandbox.faults.RandomFaultKind;
import it.ponte.sandbox.faults.RandomFaults;
import it.ponte.sandbox.mailchimp.SandboxMailchimpFaults;
import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import it.ponte.sync.SyncRun;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 10, faults: the simulated Amazon and Mailchimp fail 20 % of the calls at random (429 with and without
 * Retry-After, 500, 503, a connection closed mid-answer, an answer later than the read timeout, truncated JSON, a field
 * of the wrong type; seeded, so a run is reproducible) while a workload goes through: Amazon orders arriving in three
 * batches, the accountant's deliveries, invoices, cancellations and shipments in the ERP, the administrator's ships,
 * cancels and refunds over the REST API, carts opened, changed and converted. Runs repeat until nothing is owed any
 * more (bounded); then every Amazon order is in the shop and the ERP exactly once, every eligible record in Mailchimp
 * once with the shop's status, and every command reached Amazon exactly once: one package per shipment, one cancellation
 * and one refund message per order, never a second.
 * <p>
 * Size: {@code -Dfaults.orders=2000} (default 150, for the suite's time budget); {@code -Dfaults.seed}, {@code -Dfaults.rate}.
 */
// bounded: at most MAX_RUNS runs, each awaited 10 minutes at most, all within this timeout (the suite size takes ~1.5 min)
@Timeout(value = 40, unit = java.util.concurrent.TimeUnit.MINUTES)
@DisableJmx
@TestPropertySource(properties = {ReliabilityContext.AMAZON_TIMEOUT, ReliabilityContext.MAILCHIMP_TIMEOUT, ReliabilityContext.AMAZON_PAGES, ReliabilityContext.NO_JMX,
        ReliabilityContext.UNCONFIRMED_FEED_GRACE})
class FaultsConvergeTest extends SyncTestBase {

    private static final int ORDERS = Integer.getInteger("faults.orders", 150);
    private static final long SEED = Long.getLong("faults.seed", 20261125L);
    private static final double RATE = Double.parseDouble(System.getProperty("faults.rate", "0.2"));
    private static final int MAX_RUNS = 30;
    private static final Pattern ORDER_ID = Pattern.compile("<AmazonOrderID>([^<]+)</AmazonOrderID>");

    @Autowired
    SandboxMailchimpState mailchimp;
    @Autowired
    SandboxMailchimpFaults mailchimpFaults;
    @Autowired
    MailchimpProperties mailchimpProperties;
    @Autowired
    CircuitBreaker mailchimpCircuitBreaker;
    @Autowired
    it.ponte.sync.SyncLauncher launcher;
    @Autowired
    it.ponte.sync.SyncRuns syncRuns;

    private final Random random = new Random(SEED);
    private final List<SandboxOrder> amazonOrders = new ArrayList<>();
    private final Set<String> members = new java.util.HashSet<>();
    /** What the workload did to each Amazon order (by Amazon order id). */
    private final Map<String, Action> actions = new LinkedHashMap<>();
    private final Map<Long, Boolean> carts = new LinkedHashMap<>();

    enum Action { ERP_DELIVERED, ERP_INVOICED, ERP_CANCELLED, ERP_SHIPPED, ADMIN_SHIPPED, ADMIN_CANCELLED, REFUND_ASKED }

    @AfterEach
    void faultsOff() {
        amazon.faults().random().off();
        mailchimpFaults.reset();
        mailchimpCircuitBreaker.reset();
    }

    @Test
    void everythingConvergesExactlyOnceThroughTwentyPercentFaults() {
        mailchimp.reset();
        mailchimpFaults.reset();
        mailchimpCircuitBreaker.reset();
        shopJdbc.update("INSERT IGNORE INTO product (sku, title, price) VALUES ('PONTE-MOKA-3', 'Moka in alluminio 3 tazze', 24.50)", Map.of());
        shopJdbc.update("INSERT IGNORE INTO product (sku, title, price) VALUES ('PONTE-CAF-1000', 'Caffè macinato 1 kg', 14.90)", Map.of());
        RandomFaults.Settings faults = new RandomFaults.Settings(RATE, SEED, EnumSet.allOf(RandomFaultKind.class), 2500, 1);
        amazon.faults().random().configure(faults);
        mailchimpFaults.random().configure(new RandomFaults.Settings(RATE, SEED + 1, EnumSet.allOf(RandomFaultKind.class), 2500, 1));

        long started = System.nanoTime();
        List<SyncRun> runs = new ArrayList<>();
        int runsToConverge = 0;
        for (int run = 1; run <= MAX_RUNS; run++) {
            if (run <= 3) {
                ordersArrive(ORDERS / 3 + (run == 3 ? ORDERS % 3 : 0));
                cartsOpen(Math.max(3, ORDERS / 30));
            }
            if (run >= 2 && run <= 4) {
                workloadWave();
            }
            if (run >= 4 && run <= 6) {
                refundsAsked();
                cartsChange();
            }
            SyncRun done = runOnce();
            runs.add(done);
            assertThat(done.outcome()).as("run %d: %s", run, done.reason()).isNotEqualTo(SyncOutcome.FAILED);
            timePassesBetweenRuns();
            if (run >= 6 && nothingOwed()) {
                runsToConverge = run;
                break;
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        RandomFaults.Status amazonFaults = amazon.faults().random().status();
        RandomFaults.Status mailchimpFaultsSeen = mailchimpFaults.random().status();
        amazon.faults().random().off();
        mailchimpFaults.random().off();

        assertThat(runsToConverge).as("converged within %d runs; still owed: %s", MAX_RUNS, owedSummary()).isPositive();
        Counts counts = verify();

        Map<RandomFaultKind, Long> byKind = new EnumMap<>(RandomFaultKind.class);
        amazonFaults.byKind().forEach((k, v) -> byKind.merge(k, v, Long::sum));
        mailchimpFaultsSeen.byKind().forEach((k, v) -> byKind.merge(k, v, Long::sum));
        assertThat(amazonFaults.injected()).as("faults were injected into Amazon's calls").isPositive();
        assertThat(mailchimpFaultsSeen.injected()).as("faults were injected into Mailchimp's calls").isPositive();
        System.out.println("RELIABILITY: faults - " + ORDERS + " Amazon orders, " + counts.summary() + "; rate " + RATE + " seed " + SEED
                + "; faults injected " + (amazonFaults.injected() + mailchimpFaultsSeen.injected()) + " (Amazon " + amazonFaults.injected()
                + " of " + amazonFaults.calls() + " calls, Mailchimp " + mailchimpFaultsSeen.injected() + " of " + mailchimpFaultsSeen.calls()
                + " calls; " + byKind + "); runs to converge " + runsToConverge + " (" + runs.stream().filter(r -> r.outcome() == SyncOutcome.PARTIAL).count()
                + " PARTIAL), " + seconds + " s; lost 0, duplicated 0");
    }

    /** A CHANGED run, as the triggers start it; a big workload's first runs may take longer than SyncRunner waits. */
    private SyncRun runOnce() {
        long id = launcher.launch(SyncMode.CHANGED, it.ponte.sync.SyncTrigger.REST, null);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(10)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> syncRuns.find(id).map(r -> !r.running()).orElse(false));
        return syncRuns.find(id).orElseThrow();
    }

    // ---- the workload ------------------------------------------------------------------------------------------------

    private void ordersArrive(int count) {
        // updated within the next poll's window: after the last window's end less its overlap, before now less end-before-now
        Instant base = Instant.now().minus(270, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            int n = amazonOrders.size();
            Instant at = base.plusSeconds(i % 60);
            String email = "faults" + n + "-" + SEED + "@marketplace.amazon.it";
            SandboxOrder order = amazon.addOrder(new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, null, "Cliente Guasti" + n,
                    email, new SandboxAddress("Cliente Guasti" + n, "Via dei Guasti " + n, null, "Bologna", "BO", "40121", "IT", null),
                    List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 1 + n % 2, new BigDecimal("24.50")),
                            new NewOrder.Item("PONTE-CAF-1000", "Caffè macinato 1 kg", 1, new BigDecimal("14.90"))),
                    new BigDecimal("4.90"), at, at));
            amazonOrders.add(order);
            if (n % 2 == 0) {
                mailchimp.putMember(email, "subscribed");
                members.add(email);
            }
        }
    }

    /** The accountant's and the administrator's changes, on stored orders nobody touched yet. */
    private void workloadWave() {
        List<Map<String, Object>> untouched = new ArrayList<>();
        for (Map<String, Object> row : shopJdbc.queryForList("""
                SELECT id, amazon_order_id, erp_ref FROM shop_order
                 WHERE origin = 'AMAZON' AND status = 'STORED' AND amazon_state = 'STORED' ORDER BY id""", Map.of())) {
            if (!actions.containsKey((String) row.get("amazon_order_id"))) {
                untouched.add(row);
            }
        }
        java.util.Collections.shuffle(untouched, random);
        int share = Math.max(1, untouched.size() / 14);
        int i = 0;
        for (Action action : List.of(Action.ERP_DELIVERED, Action.ERP_INVOICED, Action.ERP_CANCELLED, Action.ERP_SHIPPED,
                Action.ADMIN_SHIPPED, Action.ADMIN_CANCELLED)) {
            for (int k = 0; k < share * (action == Action.ERP_SHIPPED || action == Action.ADMIN_SHIPPED ? 2 : 1) && i < untouched.size(); k++, i++) {
                Map<String, Object> order = untouched.get(i);
                long id = ((Number) order.get("id")).longValue();
                String amazonId = (String) order.get("amazon_order_id");
                long document = erpJdbc.queryForObject("SELECT id FROM erp_document WHERE idempotency_ref = :r",
                        Map.of("r", order.get("erp_ref")), Long.class);
                switch (action) {
                    case ERP_DELIVERED -> fixtures.erpStatus(document, "DELIVERED");
                    case ERP_INVOICED -> fixtures.erpStatus(document, "INVOICED");
                    case ERP_CANCELLED -> fixtures.cancelInErp(document, "ANN-AMZ");
                    case ERP_SHIPPED -> fixtures.shippingInErp(document, "BRT", Instant.now().truncatedTo(ChronoUnit.SECONDS), "BRT" + id);
                    case ADMIN_SHIPPED -> assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/ship",
                            "{\"carrier\":\"Poste Italiane\",\"shipDate\":\"2026-11-24T09:00:00Z\",\"trackingNumber\":\"PI" + id + "\"}").statusCode())
                            .as("ship %d", id).isEqualTo(200);
                    case ADMIN_CANCELLED -> assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/cancel",
                            "{\"reason\":\"NoInventory\"}").statusCode()).as("cancel %d", id).isEqualTo(200);
                    default -> throw new IllegalStateException();
                }
                actions.put(amazonId, action);
            }
        }
    }

    /** The administrator refunds half of the orders Amazon has confirmed shipped. */
    private void refundsAsked() {
        List<Map<String, Object>> shipped = shopJdbc.queryForList("""
                SELECT id, amazon_order_id FROM shop_order WHERE origin = 'AMAZON' AND amazon_state = 'SHIPPED' ORDER BY id""", Map.of());
        for (Map<String, Object> order : shipped) {
            String amazonId = (String) order.get("amazon_order_id");
            if (random.nextBoolean() && actions.get(amazonId) != Action.REFUND_ASKED) {
                long id = ((Number) order.get("id")).longValue();
                assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/refund", "{\"reason\":\"CustomerReturn\"}").statusCode())
                        .as("refund %d", id).isEqualTo(200);
                actions.put(amazonId, Action.REFUND_ASKED);
            }
        }
    }

    private void cartsOpen(int count) {
        for (int i = 0; i < count; i++) {
            String email = "carrello" + carts.size() + "-" + SEED + "@example.it";
            long customer = insert("""
                    INSERT INTO customer (email, first_name, last_name, login_name, password_hash, marketing_consent)
                    VALUES (:e, 'Carla', 'Carrello', :e, '{noop}x', true)""", new MapSqlParameterSource("e", email));
            mailchimp.putMember(email, "subscribed");
            long cart = insert("INSERT INTO cart (customer_id, session_id, status) VALUES (:c, 'sess', 'OPEN')", new MapSqlParameterSource("c", customer));
            cartRow(cart, "PONTE-MOKA-3", 1);
            carts.put(cart, true);
        }
    }

    /** A third of the open carts get one more row; a fifth become orders (Mailchimp must drop them). */
    private void cartsChange() {
        for (Map.Entry<Long, Boolean> cart : carts.entrySet()) {
            if (!cart.getValue()) {
                continue;
            }
            int dice = random.nextInt(15);
            if (dice < 5) {
                cartRow(cart.getKey(), "PONTE-CAF-1000", 1 + dice);
                shopJdbc.update("UPDATE cart SET updated_at = CURRENT_TIMESTAMP(3) WHERE id = :id", Map.of("id", cart.getKey()));
            } else if (dice < 8) {
                long order = fixtures.webOrder("PAYMENT_UNCONFIRMED");
                shopJdbc.update("UPDATE cart SET status = 'CONVERTED', order_id = :o WHERE id = :id", Map.of("o", order, "id", cart.getKey()));
                cart.setValue(false);
            }
        }
    }

    private void cartRow(long cart, String sku, int quantity) {
        BigDecimal price = sku.equals("PONTE-MOKA-3") ? new BigDecimal("24.50") : new BigDecimal("14.90");
        shopJdbc.update("INSERT INTO cart_row (cart_id, sku, quantity, unit_price) VALUES (:c, :s, :q, :p)",
                new MapSqlParameterSource("c", cart).addValue("s", sku).addValue("q", quantity).addValue("p", price));
    }

    /**
     * What time does between two runs: Amazon's one feed of a type per 20 minutes has passed, and a circuit a burst of
     * faults opened lets a trial call through again (its open-for elapsed).
     */
    private void timePassesBetweenRuns() {
        shopJdbc.getJdbcTemplate().update("UPDATE amazon_feed SET submitted_at = submitted_at - INTERVAL 20 MINUTE");
        shopJdbc.getJdbcTemplate().update("UPDATE amazon_outbox SET next_try_at = NULL WHERE status = 'PENDING'");
        shopJdbc.getJdbcTemplate().update("UPDATE mailchimp_outbox SET next_try_at = NULL WHERE status = 'PENDING'");
        for (CircuitBreaker circuit : remoteCircuitBreakerRegistry.getAllCircuitBreakers()) {
            if (circuit.getState() == CircuitBreaker.State.OPEN) {
                circuit.transitionToHalfOpenState();
            }
        }
        if (mailchimpCircuitBreaker.getState() == CircuitBreaker.State.OPEN) {
            mailchimpCircuitBreaker.transitionToHalfOpenState();
        }
    }

    // ---- convergence and the verdict -------------------------------------------------------------------------------

    private boolean nothingOwed() {
        return owedSummary().isEmpty();
    }

    private Map<String, Integer> owedSummary() {
        return OwedRecords.summary(shopJdbc.getJdbcTemplate(), amazonOrders.size());
    }

    private record Counts(int orders, Map<Action, Integer> actions, int mailchimpOrders, int openCarts, int convertedCarts) {
        String summary() {
            return orders + " in shop and ERP once, " + actions + ", " + mailchimpOrders + " Mailchimp orders, " + openCarts
                    + " open carts in Mailchimp, " + convertedCarts + " converted carts gone";
        }
    }

    private Counts verify() {
        // every Amazon order exactly once in the shop and in the ERP, nothing else
        Map<String, Long> shopIds = new HashMap<>();
        for (Map<String, Object> row : shopJdbc.queryForList("""
                SELECT amazon_order_id, COUNT(*) AS n, MIN(id) AS id FROM shop_order WHERE origin = 'AMAZON' GROUP BY amazon_order_id""", Map.of())) {
            assertThat(((Number) row.get("n")).intValue()).as("shop orders of %s", row.get("amazon_order_id")).isEqualTo(1);
            shopIds.put((String) row.get("amazon_order_id"), ((Number) row.get("id")).longValue());
        }
        assertThat(shopIds.keySet()).as("every Amazon order in the shop, lost 0").containsExactlyInAnyOrderElementsOf(
                amazonOrders.stream().map(SandboxOrder::orderId).toList());
        List<Map<String, Object>> documents = erpJdbc.queryForList("SELECT idempotency_ref, COUNT(*) AS n FROM erp_document GROUP BY idempotency_ref", Map.of());
        assertThat(documents).as("no ERP document twice").allSatisfy(d -> assertThat(((Number) d.get("n")).intValue()).isEqualTo(1));
        List<String> refs = shopJdbc.queryForList("SELECT erp_ref FROM shop_order WHERE origin = 'AMAZON'", Map.of(), String.class);
        assertThat(refs).as("every Amazon order in the ERP").doesNotContainNull()
                .allSatisfy(r -> assertThat(documents).anySatisfy(d -> assertThat(d.get("idempotency_ref")).isEqualTo(r)));
        assertThat(count("SELECT COUNT(*) FROM shop_order WHERE origin = 'AMAZON'")).isEqualTo(amazonOrders.size());
        assertThat(erpJdbc.queryForObject("SELECT COUNT(*) FROM erp_document", Map.of(), Integer.class))
                .as("ERP documents: the Amazon orders' and nothing else").isEqualTo(amazonOrders.size());

        // every command told to Amazon exactly once
        Map<String, Integer> cancelMessages = new HashMap<>();
        Map<String, Integer> refundMessages = new HashMap<>();
        for (SandboxFeed feed : amazon.feeds().feeds()) {
            Map<String, Integer> target = "POST_ORDER_ACKNOWLEDGEMENT_DATA".equals(feed.feedType()) ? cancelMessages : refundMessages;
            Matcher m = ORDER_ID.matcher(feed.xml() == null ? "" : feed.xml());
            while (m.find()) {
                target.merge(m.group(1), 1, Integer::sum);
            }
        }
        Map<Action, Integer> done = new EnumMap<>(Action.class);
        for (SandboxOrder order : amazonOrders) {
            String id = order.orderId();
            Action action = actions.get(id);
            String state = shopJdbc.queryForObject("SELECT amazon_state FROM shop_order WHERE id = :id", Map.of("id", shopIds.get(id)), String.class);
            String status = shopJdbc.queryForObject("SELECT status FROM shop_order WHERE id = :id", Map.of("id", shopIds.get(id)), String.class);
            int shipments = amazon.shipmentsOf(id).size();
            int cancellations = amazon.cancellationsOf(id).size();
            int refunds = amazon.refundsOf(id).size();
            if (action != null) {
                done.merge(action, 1, Integer::sum);
            }
            boolean shipped = action == Action.ERP_SHIPPED || action == Action.ADMIN_SHIPPED || action == Action.REFUND_ASKED;
            boolean cancelled = action == Action.ERP_CANCELLED || action == Action.ADMIN_CANCELLED;
            assertThat(shipments).as("packages confirmed for %s (%s)", id, action).isEqualTo(shipped ? 1 : 0);
            assertThat(cancellations).as("cancellations applied to %s (%s)", id, action).isEqualTo(cancelled ? 1 : 0);
            assertThat(cancelMessages.getOrDefault(id, 0)).as("cancellation messages sent for %s (%s)", id, action).isEqualTo(cancelled ? 1 : 0);
            assertThat(refunds).as("refunds applied to %s (%s)", id, action).isEqualTo(action == Action.REFUND_ASKED ? 1 : 0);
            assertThat(refundMessages.getOrDefault(id, 0)).as("refund messages sent for %s (%s)", id, action)
                    .isEqualTo(action == Action.REFUND_ASKED ? 1 : 0);
            String expectedState = action == Action.REFUND_ASKED ? "REFUNDED" : shipped ? "SHIPPED" : cancelled ? "CANCELLED" : "STORED";
            assertThat(state).as("Amazon state of %s (%s)", id, action).isEqualTo(expectedState);
            if (action == Action.ERP_DELIVERED) {
                assertThat(status).isEqualTo("DELIVERED");
            } else if (action == Action.ERP_INVOICED) {
                assertThat(status).isEqualTo("INVOICED");
            } else if (action == Action.ERP_CANCELLED) {
                assertThat(status).isEqualTo("CANCELLED");
            }
        }

        // every eligible record exactly once in Mailchimp, with the shop's status
        SandboxMailchimpState.Store store = mailchimp.store(mailchimpProperties.storeId()).orElseThrow();
        int memberOrders = 0;
        for (SandboxOrder order : amazonOrders) {
            long shopId = shopIds.get(order.orderId());
            java.util.Optional<ObjectNode> sent = store.order(String.valueOf(shopId));
            if (!members.contains(order.buyerEmail())) {
                assertThat(sent).as("order %d of a non-member", shopId).isEmpty();
                continue;
            }
            memberOrders++;
            assertThat(sent).as("Mailchimp order %d (%s)", shopId, actions.get(order.orderId())).isPresent();
            String status = shopJdbc.queryForObject("SELECT status FROM shop_order WHERE id = :id", Map.of("id", shopId), String.class);
            String financial = switch (status) {
                case "INVOICED" -> "paid";
                case "CANCELLED" -> "cancelled";
                default -> "pending";
            };
            assertThat(sent.get().path("financial_status").asText()).as("financial status of %d (%s)", shopId, status).isEqualTo(financial);
            if (status.equals("DELIVERED")) {
                assertThat(sent.get().path("fulfillment_status").asText()).as("fulfillment of %d", shopId).isEqualTo("shipped");
            }
        }
        assertThat(store.orderCount()).as("Mailchimp orders: the members' and no other").isEqualTo(memberOrders);
        int open = 0;
        int converted = 0;
        for (Map.Entry<Long, Boolean> cart : carts.entrySet()) {
            if (cart.getValue()) {
                open++;
                assertThat(store.cart(String.valueOf(cart.getKey()))).as("open cart %d in Mailchimp", cart.getKey()).isPresent();
                int rows = count("SELECT COUNT(*) FROM cart_row WHERE cart_id = " + cart.getKey());
                assertThat(store.cart(String.valueOf(cart.getKey())).orElseThrow().path("lines").size()).as("lines of cart %d", cart.getKey()).isEqualTo(rows);
            } else {
                converted++;
                assertThat(store.cart(String.valueOf(cart.getKey()))).as("converted cart %d gone from Mailchimp", cart.getKey()).isEmpty();
            }
        }
        assertThat(store.cartCount()).as("Mailchimp carts: the open ones and no other").isEqualTo(open);
        return new Counts(amazonOrders.size(), done, memberOrders, open, converted);
    }

    private int count(String sql) {
        return shopJdbc.getJdbcTemplate().queryForObject(sql, Integer.class);
    }

    private long insert(String sql, MapSqlParameterSource params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        shopJdbc.update(sql, params, key, new String[] {"id"});
        return key.getKey().longValue();
    }
}
