package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.ponte.SyncTestBase;
import it.ponte.erp.ErpDocumentStore;
import it.ponte.erp.ErpOrderInsert;
import it.ponte.sandbox.amazon.AmazonFault;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.amazon.RecordedRequest;
import it.ponte.sandbox.amazon.SandboxAddress;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sandbox.mail.ReceivedMail;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import it.ponte.sync.SyncRun;
import it.ponte.sync.SyncTrigger;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Seed 002, rule by rule: Amazon orders imported into the shop and inserted into the ERP. */
class AmazonImportTest extends SyncTestBase {

    private static final String KNOWN_EMAIL = "q8w7e6r5t4y3u2i@marketplace.amazon.it";

    @Autowired
    AmazonOrderToShop importer;
    @Autowired
    ErpDocumentStore erpDocuments;
    @Autowired
    ErpOrderInsert erpInsert;
    @Autowired
    SpApiRateLimiter clientLimiter;

    @AfterEach
    void noFaultsLeft() {
        amazon.faults().clear();
    }

    @Test
    void unknownEmailOpensANewCustomerWithoutCredentialsAlsoInTheErp() {
        SandboxOrder order = amazon.addOrder(unshipped("Giulia Bianchi", "n3w8uy3r0000001@marketplace.amazon.it", via("Giulia Bianchi", "Via Po 3"), ago(10)));

        SyncRun run = sync.run(SyncMode.PARTIAL);

        assertThat(run.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        Map<String, Object> customer = shopJdbc.queryForMap("SELECT * FROM customer WHERE email = :e", Map.of("e", "n3w8uy3r0000001@marketplace.amazon.it"));
        assertThat(customer.get("login_name")).isNull();
        assertThat(customer.get("password_hash")).isNull();
        assertThat(customer.get("first_name")).isEqualTo("Giulia");
        assertThat(customer.get("origin")).isEqualTo("AMAZON");
        assertThat((String) customer.get("erp_code")).startsWith("501.");
        Map<String, Object> erpCustomer = erpJdbc.queryForMap("SELECT * FROM erp_customer WHERE code = :c", Map.of("c", customer.get("erp_code")));
        assertThat(erpCustomer.get("ledger")).isEqualTo("501");
        assertThat(erpCustomer.get("email")).isEqualTo("n3w8uy3r0000001@marketplace.amazon.it");
        assertThat(shopOrder(order.orderId()).get("status")).isEqualTo("STORED");
        assertThat(shopOrder(order.orderId()).get("amazon_state")).isEqualTo("STORED");
    }

    @Test
    void knownEmailLinksTheExistingCustomerWithoutOverwritingIt() {
        long customerId = insertCustomer(KNOWN_EMAIL, "Paola", "Verdi", "paola.verdi", "501.00777");
        insertAddress(customerId, "Paola Verdi", "Corso Italia 10", "Milano", "20122");
        erpJdbc.update("INSERT INTO erp_customer (ledger, code, name, email) VALUES ('501', '501.00777', 'Paola Verdi (gestionale)', :e)", Map.of("e", KNOWN_EMAIL));
        amazon.addOrder(unshipped("P. Verdi Amazon", KNOWN_EMAIL, via("Paola Verdi", "Corso Italia 10"), ago(10)));

        sync.run(SyncMode.PARTIAL);

        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM customer")).isEqualTo(1);
        Map<String, Object> customer = shopJdbc.queryForMap("SELECT * FROM customer WHERE id = :id", Map.of("id", customerId));
        assertThat(customer.get("first_name")).isEqualTo("Paola");
        assertThat(customer.get("last_name")).isEqualTo("Verdi");
        assertThat(customer.get("login_name")).isEqualTo("paola.verdi");
        assertThat(count(erpJdbc, "SELECT COUNT(*) FROM erp_customer")).isEqualTo(1);
        assertThat(erpJdbc.queryForObject("SELECT name FROM erp_customer", Map.of(), String.class)).isEqualTo("Paola Verdi (gestionale)");
        assertThat(erpJdbc.queryForObject("SELECT c.code FROM erp_document d JOIN erp_customer c ON c.id = d.customer_id", Map.of(), String.class))
                .isEqualTo("501.00777");
    }

    @Test
    void aShipToAddressNotAmongTheCustomersIsAddedToShopAndErpAndAKnownOneIsReused() {
        long customerId = insertCustomer(KNOWN_EMAIL, "Paola", "Verdi", null, null);
        insertAddress(customerId, "Paola Verdi", "Corso Italia 10", "Bologna", "40121");
        amazon.addOrder(unshipped("Paola Verdi", KNOWN_EMAIL, via("Paola Verdi", "Corso Italia 10"), ago(20)));
        amazon.addOrder(unshipped("Paola Verdi", KNOWN_EMAIL, via("Paola Verdi", "Via Nuova 99"), ago(19)));

        sync.run(SyncMode.PARTIAL);

        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM address WHERE customer_id = " + customerId)).isEqualTo(2);
        assertThat(count(shopJdbc, "SELECT COUNT(DISTINCT ship_address_id) FROM shop_order")).isEqualTo(2);
        assertThat(count(erpJdbc, "SELECT COUNT(*) FROM erp_ship_to")).isEqualTo(2);
        assertThat(erpJdbc.queryForList("SELECT line1 FROM erp_ship_to ORDER BY line1", Map.of(), String.class))
                .containsExactly("Corso Italia 10", "Via Nuova 99");
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM address WHERE erp_ship_to_code IS NOT NULL")).isEqualTo(2);
    }

    @Test
    void theErpDocumentHasOneRowPerItemShippingAsExpenseItemAndANoteWithTheAmazonIdAndDate() {
        SandboxOrder order = amazon.addOrder(unshipped("Marco Neri", "m4rc0n3r1000001@marketplace.amazon.it", via("Marco Neri", "Via Dante 5"), ago(30)));

        sync.run(SyncMode.PARTIAL);

        Map<String, Object> doc = erpJdbc.queryForMap("SELECT * FROM erp_document", Map.of());
        assertThat(doc.get("series")).isEqualTo("AMZ");
        assertThat(doc.get("status")).isEqualTo("STORED");
        assertThat((BigDecimal) doc.get("total")).isEqualByComparingTo("68.80");
        List<Map<String, Object>> rows = erpJdbc.queryForList("SELECT * FROM erp_row ORDER BY line_no", Map.of());
        assertThat(rows).extracting(r -> r.get("kind")).containsExactly("ITEM", "ITEM", "EXPENSE", "NOTE");
        assertThat(rows.get(0).get("item_code")).isEqualTo("PONTE-MOKA-3");
        assertThat((BigDecimal) rows.get(0).get("quantity")).isEqualByComparingTo("2");
        assertThat((BigDecimal) rows.get(0).get("unit_price")).isEqualByComparingTo("24.50");
        assertThat(rows.get(2).get("item_code")).isEqualTo("SPESE-TRASP");
        assertThat((BigDecimal) rows.get(2).get("unit_price")).isEqualByComparingTo("4.90");
        assertThat((String) rows.get(3).get("description")).contains(order.orderId())
                .contains(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(java.time.ZoneId.of("Europe/Rome")).format(ago(30)));
        Map<String, Object> shop = shopOrder(order.orderId());
        assertThat(shop.get("erp_series")).isEqualTo("AMZ");
        assertThat(shop.get("erp_number")).isEqualTo(doc.get("number"));
    }

    @Test
    void onlyOrdersInTheImportStatusesAreImported() {
        amazon.addOrder(unshipped("A Uno", "a1@marketplace.amazon.it", via("A Uno", "Via 1"), ago(10)));
        amazon.addOrder(unshipped("B Due", "b2@marketplace.amazon.it", via("B Due", "Via 2"), ago(10)).withStatus(FulfillmentStatus.SHIPPED));
        amazon.addOrder(unshipped("C Tre", "c3@marketplace.amazon.it", via("C Tre", "Via 3"), ago(10)).withStatus(FulfillmentStatus.CANCELLED));
        amazon.addOrder(unshipped("D Quattro", "d4@marketplace.amazon.it", via("D Quattro", "Via 4"), ago(10)).withStatus(FulfillmentStatus.PENDING));

        sync.run(SyncMode.PARTIAL);

        assertThat(shopJdbc.queryForList("SELECT amazon_status FROM shop_order", Map.of(), String.class)).containsExactly("UNSHIPPED");
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM amazon_order_hold")).isZero();
    }

    @Test
    void accountWithCreateOrdersOffIsNeverPolled() {
        amazon.addOrder(unshipped("E Cinque", "e5@marketplace.amazon.it", via("E Cinque", "Via 5"), ago(10)).withSellerId("A3PONTEOFF"));

        sync.run(SyncMode.PARTIAL);

        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM shop_order")).isZero();
        assertThat(amazon.tokens().issuedCount()).isEqualTo(2);
        assertThat(amazon.requests().all()).noneMatch(r -> "Atzr|sandbox-refresh-off".equals(r.header("x-refresh-token")));
        assertThat(shopJdbc.queryForObject("SELECT watermark FROM amazon_account WHERE id = 'it-off'", Map.of(), Object.class)).isNull();
    }

    @Test
    void everyPageIsReadWithTheFirstRequestsParametersAndAllOrdersAreStored() {
        for (int i = 0; i < 12; i++) {
            amazon.addOrder(unshipped("Cliente " + i, "pagina" + i + "@marketplace.amazon.it", via("Cliente " + i, "Via " + i), ago(60 - i)));
        }

        sync.run(SyncMode.PARTIAL);

        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM shop_order")).isEqualTo(12);
        List<RecordedRequest> searches = searches();
        assertThat(searches).hasSize(4);
        assertThat(searches.get(3).query()).doesNotContain("paginationToken");
        Map<String, String> first = params(searches.get(0).query());
        for (RecordedRequest page : searches.subList(1, 3)) {
            Map<String, String> p = params(page.query());
            assertThat(p).containsKey("paginationToken");
            p.remove("paginationToken");
            assertThat(p).isEqualTo(first);
            assertThat(page.query()).doesNotContain("+").contains("paginationToken=");
        }
        Instant before = Instant.parse(first.get("lastUpdatedBefore"));
        assertThat(before).isBefore(searches.get(0).receivedAt().minus(Duration.ofMinutes(2)));
        assertThat(first.get("lastUpdatedAfter")).endsWith("Z");
    }

    @Test
    void overlappingWindowsAndRepeatedRunsNeverDuplicateOrdersCustomersOrDocuments() {
        SandboxOrder order = amazon.addOrder(unshipped("F Sei", "f6@marketplace.amazon.it", via("F Sei", "Via 6"), ago(8)));
        sync.run(SyncMode.PARTIAL);
        Instant watermark = watermark("it-main");
        assertThat(watermark).isNotNull();

        sync.run(SyncMode.PARTIAL);
        amazon.setStatus(order.orderId(), FulfillmentStatus.PARTIALLY_SHIPPED, ago(4));
        // windows end on whole seconds: let one pass so the next window ends later
        org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(1100)).until(() -> true);
        sync.run(SyncMode.PARTIAL);

        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM shop_order")).isEqualTo(1);
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM customer")).isEqualTo(1);
        assertThat(count(erpJdbc, "SELECT COUNT(*) FROM erp_document")).isEqualTo(1);
        assertThat(shopOrder(order.orderId()).get("amazon_status")).isEqualTo("PARTIALLY_SHIPPED");
        Map<String, String> second = params(searches().get(2).query());
        assertThat(Instant.parse(second.get("lastUpdatedAfter"))).isBefore(watermark);
        assertThat(watermark("it-main")).isAfter(watermark);
    }

    @Test
    void quotaExceededIsRetriedWithBackoffAndTheRunSucceeds() {
        // a first run learns the rate the (time-scaled) sandbox announces; after a 429 the client waits for that rate
        sync.run(SyncMode.PARTIAL);
        // inside the next window: it overlaps the last by 5 minutes and ends 3 minutes before now
        amazon.addOrder(unshipped("G Sette", "g7@marketplace.amazon.it", via("G Sette", "Via 7"), ago(5)));
        amazon.faults().add(AmazonFault.of("searchOrders", 429, 2));
        amazon.requests().clear();

        SyncRun run = sync.run(SyncMode.PARTIAL);

        assertThat(run.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM shop_order")).isEqualTo(1);
        assertThat(amazon.requests().all().stream().filter(r -> r.path().endsWith("/orders/2026-01-01/orders") && r.status() == 429)).hasSize(2);
    }

    @Test
    void theClientFollowsTheRateAmazonAnnounces() {
        sync.run(SyncMode.PARTIAL);
        assertThat(clientLimiter.rate("it-main", SpApiOperation.SEARCH_ORDERS)).isCloseTo(0.0056 * 1000, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void amazonDownLeavesTheWatermarkAndTheNextRunImports() {
        amazon.addOrder(unshipped("H Otto", "h8@marketplace.amazon.it", via("H Otto", "Via 8"), ago(10)));
        amazon.faults().add(AmazonFault.of("searchOrders", 503, 0));

        SyncRun failed = sync.run(SyncMode.PARTIAL);

        assertThat(failed.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(failed.errors()).anyMatch(e -> e.contains("it-main") && e.contains("503"));
        assertThat(watermark("it-main")).isNull();
        amazon.faults().clear();
        // the circuit opened by the outage lets a call through again once ponte.remote.circuit.open-for has passed
        amazonCircuitOpenForElapsed();
        sync.run(SyncMode.PARTIAL);
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM shop_order")).isEqualTo(1);
    }

    @Test
    void revokedCredentialsAreAnAccountConfigurationErrorNotARetryLoop() {
        amazon.sellers().revokeSeller("A1PONTESANDBOX");
        amazon.addOrder(unshipped("I Nove", "i9@marketplace.amazon.it", via("I Nove", "Via 9"), ago(10)));

        SyncRun run = sync.run(SyncMode.PARTIAL);

        assertThat(run.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(run.errors()).anyMatch(e -> e.contains("it-main") && e.contains("invalid_grant"));
        long lwaCalls = amazon.requests().all().stream().filter(r -> r.path().contains("/lwa/")).count();
        assertThat(lwaCalls).isEqualTo(2);
        assertThat(String.join(" ", run.errors())).doesNotContain("sandbox-refresh-it-main").doesNotContain("sandbox-client-secret");
        ReceivedMail notice = importMail();
        assertThat(notice.text()).contains("it-main").contains("errore di configurazione").doesNotContain("sandbox-client-secret");
    }

    @Test
    void aPendingOrderWithoutEmailIsHeldWithItsReasonAndImportedWhenAmazonGivesTheData() {
        SandboxOrder pending = amazon.addOrder(unshipped("L Dieci", "l10@marketplace.amazon.it", via("L Dieci", "Via 10"), ago(30))
                .withStatus(FulfillmentStatus.PENDING).withSellerId("A2PONTEOTHER"));

        sync.run(SyncMode.PARTIAL);

        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM shop_order")).isZero();
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM customer")).isZero();
        assertThat(shopJdbc.queryForObject("SELECT reason FROM amazon_order_hold WHERE amazon_order_id = :id", Map.of("id", pending.orderId()), String.class))
                .isEqualTo("MISSING_EMAIL");
        assertThat(importMail().text()).contains(pending.orderId()).contains("e-mail");

        amazon.setStatus(pending.orderId(), FulfillmentStatus.UNSHIPPED, ago(5));
        sync.run(SyncMode.PARTIAL);

        assertThat(shopOrder(pending.orderId()).get("status")).isEqualTo("STORED");
        assertThat(shopOrder(pending.orderId()).get("erp_series")).isEqualTo("AMZ2");
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM amazon_order_hold")).isZero();
    }

    @Test
    void anAmazonFulfilledOrderWithoutAddressIsHeldNotGivenAnInventedCustomer() {
        SandboxOrder afn = amazon.addOrder(unshipped("M Undici", "m11@marketplace.amazon.it", via("M Undici", "Via 11"), ago(10))
                .withFulfilledBy(FulfilledBy.AMAZON));

        sync.run(SyncMode.PARTIAL);

        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM customer")).isZero();
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM amazon_order_hold WHERE amazon_order_id = '" + afn.orderId() + "'")).isEqualTo(1);
    }

    @Test
    void aCrashBetweenShopInsertAndErpInsertIsFinishedByTheNextRunOnce() {
        SandboxOrder order = amazon.addOrder(unshipped("N Dodici", "n12@marketplace.amazon.it", via("N Dodici", "Via 12"), ago(10)));
        // The account's own schedule imports into the shop only: the state a crash right after the shop insert leaves.
        sync.run(SyncMode.IMPORT, SyncTrigger.ACCOUNT_SCHEDULE, "it-main");
        assertThat(shopOrder(order.orderId()).get("status")).isEqualTo("REGISTERED");
        assertThat(count(erpJdbc, "SELECT COUNT(*) FROM erp_document")).isZero();
        // And a crash after the ERP committed but before the shop heard of it:
        long shopId = ((Number) shopOrder(order.orderId()).get("id")).longValue();
        erpDocuments.store(draftOf(shopId));
        assertThat(shopOrder(order.orderId()).get("status")).isEqualTo("REGISTERED");

        sync.run(SyncMode.PARTIAL);

        assertThat(count(erpJdbc, "SELECT COUNT(*) FROM erp_document")).isEqualTo(1);
        assertThat(count(erpJdbc, "SELECT COUNT(*) FROM erp_customer")).isEqualTo(1);
        assertThat(shopOrder(order.orderId()).get("status")).isEqualTo("STORED");
        assertThat(shopOrder(order.orderId()).get("erp_number"))
                .isEqualTo(erpJdbc.queryForObject("SELECT number FROM erp_document", Map.of(), Integer.class));
    }

    @Test
    void erpUnreachableLeavesTheOrderRegisteredAndTheNextRunInsertsIt() {
        SandboxOrder order = amazon.addOrder(unshipped("O Tredici", "o13@marketplace.amazon.it", via("O Tredici", "Via 13"), ago(10)));
        erpJdbc.getJdbcTemplate().execute("RENAME TABLE erp_document TO erp_document_offline");
        SyncRun run;
        try {
            run = sync.run(SyncMode.PARTIAL);
        } finally {
            erpJdbc.getJdbcTemplate().execute("RENAME TABLE erp_document_offline TO erp_document");
        }
        assertThat(run.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(shopOrder(order.orderId()).get("status")).isEqualTo("REGISTERED");
        assertThat(shopOrder(order.orderId()).get("erp_error")).isNotNull();

        sync.run(SyncMode.PARTIAL);

        assertThat(shopOrder(order.orderId()).get("status")).isEqualTo("STORED");
        assertThat(count(erpJdbc, "SELECT COUNT(*) FROM erp_document")).isEqualTo(1);
    }

    @Test
    void twoNodesImportingTheSameOrderAtOnceStoreItOnce() throws Exception {
        SandboxOrder sandboxOrder = amazon.addOrder(unshipped("P Quattordici", "p14@marketplace.amazon.it", via("P Quattordici", "Via 14"), ago(10)));
        it.ponte.amazon.model.AmazonOrder order = fetch(sandboxOrder.orderId());
        AmazonProperties.Account account = amazonProperties.account("it-main");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ImportOutcome>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> importer.importOrder(account, order));
            }
            List<ImportOutcome.Kind> kinds = new ArrayList<>();
            for (Future<ImportOutcome> f : pool.invokeAll(tasks)) {
                kinds.add(f.get().kind());
            }
            assertThat(kinds).containsOnlyOnce(ImportOutcome.Kind.IMPORTED);
            long shopId = ((Number) shopOrder(order.orderId()).get("id")).longValue();
            List<Callable<Object>> inserts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                inserts.add(() -> erpInsert.insert(shopId));
            }
            for (Future<Object> f : pool.invokeAll(inserts)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM shop_order")).isEqualTo(1);
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM customer")).isEqualTo(1);
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM address")).isEqualTo(1);
        assertThat(count(erpJdbc, "SELECT COUNT(*) FROM erp_document")).isEqualTo(1);
        assertThat(count(erpJdbc, "SELECT COUNT(*) FROM erp_customer")).isEqualTo(1);
    }

    @Test
    void theNotificationMailListsEachImportedOrderWithItsErpDocument() {
        // one instant for the order and the assertion: two calls of ago(10) may fall either side of a minute
        Instant placed = ago(10);
        SandboxOrder order = amazon.addOrder(unshipped("Quinto Rossi", "q15@marketplace.amazon.it", via("Quinto Rossi", "Via 15"), placed));

        sync.run(SyncMode.PARTIAL);

        ReceivedMail notice = importMail();
        assertThat(notice.subject()).startsWith("Ponte – sincronizzazione #").contains("ordini Amazon importati: 1");
        assertThat(notice.to()).containsExactly("amministratore@localhost");
        String number = shopOrder(order.orderId()).get("erp_series") + "/" + shopOrder(order.orderId()).get("erp_number");
        assertThat(notice.text()).contains(order.orderId()).contains("Amazon.it").contains("Quinto Rossi").contains("68,80 EUR")
                .contains("documento gestionale " + number)
                .contains(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(java.time.ZoneId.of("Europe/Rome")).format(placed));
    }

    @Test
    void aRunThatImportsNothingSendsNoMailAndTheTokenIsCachedAcrossRuns() {
        sync.run(SyncMode.PARTIAL);
        sync.run(SyncMode.PARTIAL);
        assertThat(mail.messages()).noneMatch(m -> m.subject().contains("Amazon"));
        assertThat(amazon.tokens().issuedCount()).isEqualTo(2);
    }

    // ---- helpers

    @Autowired
    AmazonOrdersApi ordersApi;

    private it.ponte.amazon.model.AmazonOrder fetch(String orderId) {
        return ordersApi.getOrder(amazonProperties.account("it-main"), orderId);
    }

    private it.ponte.erp.ErpDocumentDraft draftOf(long shopOrderId) {
        return erpInsert.draft(shopOrders.find(shopOrderId).orElseThrow());
    }

    @Autowired
    it.ponte.shop.ShopOrderRepository shopOrders;

    /** Answered searchOrders calls, in order; each run polls it-main first, then it-pending. */
    private List<RecordedRequest> searches() {
        return amazon.requests().all().stream()
                .filter(r -> r.path().endsWith("/orders/2026-01-01/orders") && r.status() == 200).toList();
    }

    private ReceivedMail importMail() {
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.messages().stream().anyMatch(m -> m.subject().contains("Amazon")));
        return mail.messages().stream().filter(m -> m.subject().contains("Amazon")).findFirst().orElseThrow();
    }

    private static Map<String, String> params(String query) {
        Map<String, String> p = new java.util.TreeMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            p.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return p;
    }

    private Instant watermark(String account) {
        java.sql.Timestamp t = shopJdbc.queryForObject("SELECT watermark FROM amazon_account WHERE id = :id", Map.of("id", account), java.sql.Timestamp.class);
        return t == null ? null : t.toInstant();
    }

    private Map<String, Object> shopOrder(String amazonOrderId) {
        return shopJdbc.queryForMap("SELECT * FROM shop_order WHERE amazon_order_id = :id", Map.of("id", amazonOrderId));
    }

    private long insertCustomer(String email, String first, String last, String login, String erpCode) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        shopJdbc.update("INSERT INTO customer (email, first_name, last_name, login_name, password_hash, erp_code) VALUES (:e, :f, :l, :login, :pw, :erp)",
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("e", email).addValue("f", first).addValue("l", last)
                        .addValue("login", login).addValue("pw", login == null ? null : "{noop}x").addValue("erp", erpCode), key, new String[] {"id"});
        return key.getKey().longValue();
    }

    private void insertAddress(long customerId, String name, String line1, String city, String cap) {
        shopJdbc.update("""
                INSERT INTO address (customer_id, name, line1, city, postal_code, country_code, match_key)
                VALUES (:c, :n, :l, :city, :cap, 'IT', :key)
                """, Map.of("c", customerId, "n", name, "l", line1, "city", city, "cap", cap,
                "key", it.ponte.shop.AddressMatchKey.of(name, line1, cap, city, "IT")));
    }

    private static long count(org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Map.of(), Long.class);
    }

    private static Instant ago(int minutes) {
        return Instant.now().minus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    private static SandboxAddress via(String name, String line1) {
        return new SandboxAddress(name, line1, null, "Bologna", "BO", "40121", "IT", "+39 051 000000");
    }

    private static NewOrder unshipped(String buyer, String email, SandboxAddress shipTo, Instant at) {
        return new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, null, buyer, email, shipTo,
                List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 2, new BigDecimal("24.50")),
                        new NewOrder.Item("PONTE-CAF-1000", "Caffè macinato miscela classica 1 kg", 1, new BigDecimal("14.90"))),
                new BigDecimal("4.90"), at, at);
    }
}
