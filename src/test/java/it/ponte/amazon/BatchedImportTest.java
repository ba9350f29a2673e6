package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.amazon.SandboxAddress;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import it.ponte.sync.SyncRun;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The import and the ERP insert in batches (issue 9): a page of orders is imported together and the ERP gets a batch
 * of documents per transaction, with the same outcome as one by one (each buyer opened once, in the shop and in the
 * ERP; every document numbered without a gap; the run's counts), for a number of SQL statements that grows with the
 * pages, not with the orders times the queries; and a bad order in a batch fails alone. The tests' pages are of 5
 * orders (application-test.yaml), the ERP batches of 100.
 */
class BatchedImportTest extends SyncTestBase {

    @Test
    void pagesAndBatchesStoreEveryOrderOnceWithFewStatements() {
        long customersBefore = count(shopJdbc, "SELECT COUNT(*) FROM customer");
        Instant at = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 120; i++) {
            // every fourth order is a second one of the buyer before it: one customer for both, one ERP account
            int buyer = i % 4 == 3 ? i - 1 : i;
            amazon.addOrder(order("Cliente Lotto" + buyer, "lotto" + buyer + "@marketplace.amazon.it", "Via Lotto " + buyer,
                    new BigDecimal("24.50"), at.plusSeconds(i)));
        }
        long statementsBefore = questions();

        SyncRun run = sync.run(SyncMode.PARTIAL);

        long statements = questions() - statementsBefore;
        assertThat(run.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM shop_order WHERE status = 'STORED' AND erp_number IS NOT NULL")).isEqualTo(120);
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM customer") - customersBefore).isEqualTo(90);
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM customer WHERE email LIKE 'lotto%' AND erp_code IS NOT NULL")).isEqualTo(90);
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM address a JOIN customer c ON c.id = a.customer_id "
                + "WHERE c.email LIKE 'lotto%' AND a.erp_ship_to_code IS NOT NULL")).isEqualTo(90);
        assertThat(count(erpJdbc, "SELECT COUNT(*) FROM erp_customer WHERE email LIKE 'lotto%'")).isEqualTo(90);
        assertThat(count(erpJdbc, "SELECT COUNT(*) FROM erp_document WHERE idempotency_ref LIKE 'AMZ:%'")).isEqualTo(120);
        // numbers taken a batch at a time: consecutive, no gap, no repeat
        Map<String, Object> numbers = erpJdbc.queryForMap("SELECT MIN(number) AS lo, MAX(number) AS hi, COUNT(DISTINCT number) AS n "
                + "FROM erp_document WHERE idempotency_ref LIKE 'AMZ:%'", Map.of());
        assertThat(((Number) numbers.get("hi")).longValue() - ((Number) numbers.get("lo")).longValue() + 1).isEqualTo(120);
        assertThat(((Number) numbers.get("n")).longValue()).isEqualTo(120);
        // every document's rows: 2 items, shipping, the Amazon note
        assertThat(count(erpJdbc, "SELECT COUNT(*) FROM erp_row r JOIN erp_document d ON d.id = r.document_id "
                + "WHERE d.idempotency_ref LIKE 'AMZ:%'")).isEqualTo(120 * 4);
        assertThat(run.counts()).containsEntry("erp.stored", 120);
        // one by one this was ~45 statements an order; in pages and batches a few
        assertThat(statements).as("SQL statements the server counted for 120 orders").isLessThan(120 * 8);
    }

    @Test
    void aBadOrderInABatchFailsAloneTheOthersAreStoredAndTheRolledBackBatchGaveItsNumbersBack() {
        List<Long> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 31; i++) {
            orders.add(fixtures.webOrder("REGISTERED"));
        }
        long bad = orders.get(17);
        // beyond what the ERP's erp_row.quantity (DECIMAL(12,3)) holds: this order's document cannot be written
        shopJdbc.update("UPDATE order_row SET quantity = 2000000000 WHERE order_id = :o", Map.of("o", bad));

        SyncRun run = sync.run(SyncMode.CHANGED);

        assertThat(run.outcome()).as(run.toString()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(count(shopJdbc, "SELECT COUNT(*) FROM shop_order WHERE status = 'STORED'")).isEqualTo(30);
        Map<String, Object> refused = fixtures.order(bad);
        assertThat(refused.get("status")).isEqualTo("REGISTERED");
        assertThat((String) refused.get("erp_error")).containsIgnoringCase("quantity");
        assertThat(run.counts()).containsEntry("erp.stored", 30).containsEntry("records.failed.unexpected", 1);
        assertThat(run.errors()).filteredOn(e -> e.contains("#" + bad)).hasSize(1);
        // the batch's transaction rolled back and its orders went one by one: numbers 1..30, none lost to the rollback
        assertThat(erpJdbc.queryForList("SELECT number FROM erp_document ORDER BY number", Map.of(), Integer.class))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
    }

    private long questions() {
        return shopJdbc.getJdbcTemplate().query("SHOW GLOBAL STATUS LIKE 'Questions'", rs -> {
            rs.next();
            return rs.getLong(2);
        });
    }

    private static NewOrder order(String buyer, String email, String line1, BigDecimal price, Instant at) {
        return new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, null, buyer, email,
                new SandboxAddress(buyer, line1, null, "Padova", "PD", "35100", "IT", null),
                List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 1, price),
                        new NewOrder.Item("PONTE-CAF-1000", "Caffè macinato 1 kg", 2, new BigDecimal("14.90"))),
                new BigDecimal("4.90"), at, at);
    }

    private static long count(org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Map.of(), Long.class);
        return n == null ? 0 : n;
    }
}
