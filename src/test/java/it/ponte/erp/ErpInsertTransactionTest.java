package it.ponte.erp;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.SyncTestBase;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import it.ponte.sync.SyncRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ERP as an endpoint (issue 7, point 4): one order's document is written in one ERP transaction through the
 * camel-jdbc steps of {@code erp-document-tx}, and one order's failure is that order's alone. The failures are real:
 * an order whose row the ERP refuses (a quantity beyond the ERP's DECIMAL(12,3) column), met only after the customer
 * account, the ship-to and the document were written in the same transaction.
 */
class ErpInsertTransactionTest extends SyncTestBase {

    /** Beyond what the ERP's erp_row.quantity (DECIMAL(12,3)) holds, within what the shop's INT holds. */
    private static final int QUANTITY_THE_ERP_REFUSES = 2_000_000_000;

    @Test
    void aFailureInTheMiddleOfOneOrdersInsertLeavesNoHalfDocumentAndTheOrderStaysRegisteredForTheNextRun() {
        long order = fixtures.webOrder("REGISTERED");
        quantity(order, QUANTITY_THE_ERP_REFUSES);

        SyncRun failed = sync.run(SyncMode.CHANGED);

        assertThat(failed.outcome()).as(failed.toString()).isEqualTo(SyncOutcome.PARTIAL);
        Map<String, Object> row = fixtures.order(order);
        assertThat(row.get("status")).isEqualTo("REGISTERED");
        assertThat((String) row.get("erp_error")).as("the reason and the step it failed in").contains("erp-document-rows")
                .containsIgnoringCase("quantity");
        for (String table : List.of("erp_customer", "erp_ship_to", "erp_document", "erp_row", "erp_change", "erp_ledger_counter",
                "erp_series_counter")) {
            assertThat(count("SELECT COUNT(*) FROM " + table)).as("nothing of the failed insert is left in " + table).isZero();
        }

        quantity(order, 1);
        SyncRun next = sync.run(SyncMode.CHANGED);

        assertThat(next.outcome()).as(next.toString()).isEqualTo(SyncOutcome.SUCCEEDED);
        row = fixtures.order(order);
        assertThat(row.get("status")).isEqualTo("STORED");
        assertThat(row.get("erp_error")).isNull();
        assertThat(row.get("erp_number")).as("the rolled-back insert gave its number back").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM erp_document")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM erp_row")).as("the item and the shipping expense").isEqualTo(2);
        assertThat(erpJdbc.queryForObject("SELECT code FROM erp_customer", Map.of(), String.class)).isEqualTo("501.00001");
    }

    @Test
    void oneBadOrderDoesNotStopTheOthersAndIsInsertedOnceItIsFixed() {
        long first = fixtures.webOrder("REGISTERED");
        long bad = fixtures.webOrder("REGISTERED");
        long last = fixtures.webOrder("REGISTERED");
        quantity(bad, QUANTITY_THE_ERP_REFUSES);

        SyncRun run = sync.run(SyncMode.CHANGED);

        assertThat(run.outcome()).as(run.toString()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(fixtures.order(first).get("status")).isEqualTo("STORED");
        assertThat(fixtures.order(last).get("status")).as("the order after the bad one went in too").isEqualTo("STORED");
        assertThat(fixtures.order(bad).get("status")).isEqualTo("REGISTERED");
        assertThat(run.errors()).as("the bad order is reported once, with its step").filteredOn(e -> e.contains("#" + bad)).singleElement()
                .satisfies(e -> assertThat(e).contains("non inserito nel gestionale").contains("erp-document-rows"));
        assertThat(run.counts()).containsEntry("erp.stored", 2).containsEntry("records.failed.unexpected", 1);
        assertThat(count("SELECT COUNT(*) FROM erp_document")).isEqualTo(2);

        quantity(bad, 3);
        SyncRun next = sync.run(SyncMode.CHANGED);

        assertThat(next.outcome()).as(next.toString()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(fixtures.order(bad).get("status")).isEqualTo("STORED");
        assertThat(count("SELECT COUNT(*) FROM erp_document")).as("each order once").isEqualTo(3);
        assertThat(erpJdbc.queryForList("SELECT quantity FROM erp_row WHERE kind = 'ITEM' AND document_id = :d",
                Map.of("d", fixtures.documentOf(bad)), java.math.BigDecimal.class)).singleElement()
                .satisfies(q -> assertThat(q).isEqualByComparingTo("3"));
    }

    private void quantity(long order, int quantity) {
        shopJdbc.update("UPDATE order_row SET quantity = :q WHERE order_id = :o", Map.of("q", quantity, "o", order));
    }

    private int count(String sql) {
        Integer n = erpJdbc.queryForObject(sql, Map.of(), Integer.class);
        return n == null ? 0 : n;
    }
}
