package it.ponte.sync;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.SandboxOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.support.TransactionTemplate;

/** Seed 001 and the state diff: what the accountant does in the ERP reaches the shop and the Amazon states. */
class StateDiffTest extends SyncTestBase {

    @Autowired
    @Qualifier("erpTx")
    TransactionTemplate erpTx;

    @Test
    void webOrdersFollowTheirErpDocumentStoredDeliveredInvoiced() {
        long order = fixtures.webOrder("REGISTERED");
        sync.run(SyncMode.CHANGED);
        assertThat(fixtures.order(order).get("status")).isEqualTo("STORED");
        long doc = fixtures.documentOf(order);

        fixtures.erpStatus(doc, "DELIVERED");
        sync.run(SyncMode.CHANGED);
        assertThat(fixtures.order(order).get("status")).isEqualTo("DELIVERED");

        fixtures.erpStatus(doc, "INVOICED");
        sync.run(SyncMode.CHANGED);
        assertThat(fixtures.order(order).get("status")).isEqualTo("INVOICED");
    }

    @Test
    void aWebOrderCancelledInTheErpIsCancelledInTheShop() {
        long order = fixtures.webOrder("REGISTERED");
        sync.run(SyncMode.CHANGED);
        fixtures.cancelInErp(fixtures.documentOf(order), "ANN-CLIENTE");
        sync.run(SyncMode.CHANGED);
        assertThat(fixtures.order(order).get("status")).isEqualTo("CANCELLED");
    }

    @Test
    void aWebOrderWithUnconfirmedPaymentNeverGoesToTheErp() {
        long order = fixtures.webOrder("PAYMENT_UNCONFIRMED");
        sync.run(SyncMode.TOTAL);
        assertThat(fixtures.order(order).get("status")).isEqualTo("PAYMENT_UNCONFIRMED");
        assertThat(erpJdbc.queryForObject("SELECT COUNT(*) FROM erp_document", Map.of(), Integer.class)).isZero();
    }

    @Test
    void anAmazonOrderCancelledInTheErpWithAnAmazonReasonAndAllRowsNBecomesPendingCancellation() {
        SandboxOrder amazonOrder = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        long order = fixtures.shopId(amazonOrder.orderId());
        assertThat(fixtures.order(order).get("amazon_state")).isEqualTo("STORED");

        fixtures.cancelInErp(fixtures.documentOf(order), "ANN-AMZ");
        amazon.faults().add(it.ponte.sandbox.amazon.AmazonFault.of("*", 503, 0));
        try {
            sync.run(SyncMode.CHANGED);
        } finally {
            amazon.faults().clear();
        }
        Map<String, Object> row = fixtures.order(order);
        assertThat(row.get("amazon_state")).isEqualTo("PENDING_CANCELLATION");
        assertThat(row.get("cancel_reason")).isEqualTo("BuyerCanceled");
        assertThat(row.get("status")).isEqualTo("CANCELLED");
        assertThat(shopJdbc.queryForObject("SELECT kind FROM amazon_outbox WHERE order_id = :id", Map.of("id", order), String.class))
                .isEqualTo("CANCEL");
    }

    @Test
    void aCancelReasonThatIsNotAnAmazonOneLeavesTheOrderStoredAndTheRunSaysWhy() {
        SandboxOrder amazonOrder = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        long order = fixtures.shopId(amazonOrder.orderId());

        fixtures.cancelInErp(fixtures.documentOf(order), "ANN-GENERICA");
        SyncRun run = sync.run(SyncMode.CHANGED);

        assertThat(fixtures.order(order).get("amazon_state")).isEqualTo("STORED");
        assertThat(run.errors()).anyMatch(e -> e.contains(amazonOrder.orderId()) && e.contains("ANN-GENERICA"));
    }

    @Test
    void aCancelReasonWithoutEveryRowAtNIsNotACancellation() {
        SandboxOrder amazonOrder = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        long order = fixtures.shopId(amazonOrder.orderId());
        long doc = fixtures.documentOf(order);

        erpJdbc.update("UPDATE erp_document SET cancel_reason_code = 'ANN-AMZ' WHERE id = :id", Map.of("id", doc));
        erpJdbc.update("UPDATE erp_row SET fulfil = 'N' WHERE document_id = :id AND line_no = 1", Map.of("id", doc));
        sync.run(SyncMode.CHANGED);

        assertThat(fixtures.order(order).get("amazon_state")).isEqualTo("STORED");
    }

    @Test
    void mexalCarrierTransportStartAndTrackingMakeTheAmazonOrderPendingShipmentWithReadOnlyFields() {
        SandboxOrder amazonOrder = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        long order = fixtures.shopId(amazonOrder.orderId());
        long doc = fixtures.documentOf(order);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        fixtures.shippingInErp(doc, "BRT", start, null);
        sync.run(SyncMode.CHANGED);
        assertThat(fixtures.order(order).get("amazon_state")).as("no tracking number yet").isEqualTo("STORED");

        amazon.faults().add(it.ponte.sandbox.amazon.AmazonFault.of("*", 503, 0));
        try {
            fixtures.shippingInErp(doc, "BRT", start, "BRT123456789");
            sync.run(SyncMode.CHANGED);
            Map<String, Object> row = fixtures.order(order);
            assertThat(row.get("amazon_state")).isEqualTo("PENDING_SHIPMENT");
            assertThat(row.get("carrier")).isEqualTo("BRT");
            assertThat(row.get("tracking_number")).isEqualTo("BRT123456789");
            assertThat(((java.sql.Timestamp) row.get("ship_date")).toInstant()).isEqualTo(start);

            fixtures.shippingInErp(doc, "GLS", start, "GLS000");
            sync.run(SyncMode.CHANGED);
            assertThat(fixtures.order(order).get("carrier")).as("shipping fields are read-only once pending").isEqualTo("BRT");
        } finally {
            amazon.faults().clear();
        }
    }

    @Test
    void aChangeCommittedLateBehindALaterOneIsNotMissed() throws Exception {
        long first = fixtures.webOrder("REGISTERED");
        long second = fixtures.webOrder("REGISTERED");
        sync.run(SyncMode.CHANGED);
        long firstDoc = fixtures.documentOf(first);
        long secondDoc = fixtures.documentOf(second);

        ExecutorService accountant = Executors.newSingleThreadExecutor();
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        Future<?> slow = accountant.submit(() -> erpTx.executeWithoutResult(tx -> {
            // takes its change-log number now, commits only after a run has read a later number
            fixtures.erpStatus(firstDoc, "INVOICED");
            written.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        written.await();
        fixtures.erpStatus(secondDoc, "DELIVERED");
        sync.run(SyncMode.CHANGED);
        assertThat(fixtures.order(second).get("status")).isEqualTo("DELIVERED");
        assertThat(fixtures.order(first).get("status")).isEqualTo("STORED");

        commit.countDown();
        slow.get();
        accountant.shutdown();
        sync.run(SyncMode.CHANGED);

        assertThat(fixtures.order(first).get("status")).isEqualTo("INVOICED");
    }

    @Test
    void accountantWritingWhileChangedRunsGoOnMissesNothing() throws Exception {
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            orders.add(fixtures.webOrder("REGISTERED"));
        }
        sync.run(SyncMode.CHANGED);
        List<Long> docs = orders.stream().map(fixtures::documentOf).toList();

        ExecutorService accountant = Executors.newFixedThreadPool(2);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int offset = w;
            writers.add(accountant.submit(() -> {
                for (int i = offset; i < docs.size(); i += 2) {
                    long doc = docs.get(i);
                    erpTx.executeWithoutResult(tx -> {
                        fixtures.erpStatus(doc, "DELIVERED");
                        sleepQuietly(ThreadLocalRandom.current().nextInt(5, 40));
                    });
                    erpTx.executeWithoutResult(tx -> fixtures.erpStatus(doc, "INVOICED"));
                }
            }));
        }
        while (writers.stream().anyMatch(f -> !f.isDone())) {
            sync.run(SyncMode.CHANGED);
        }
        for (Future<?> f : writers) {
            f.get();
        }
        accountant.shutdown();
        sync.run(SyncMode.CHANGED);

        for (long order : orders) {
            assertThat(fixtures.order(order).get("status")).as("order " + order).isEqualTo("INVOICED");
        }
    }

    @Test
    void aTotalRunRereadsEveryDocumentEvenWithoutChangeLog() {
        long order = fixtures.webOrder("REGISTERED");
        sync.run(SyncMode.CHANGED);
        long doc = fixtures.documentOf(order);
        fixtures.erpStatus(doc, "DELIVERED");
        // a change the log lost (e.g. written before the triggers existed)
        erpJdbc.getJdbcTemplate().update("DELETE FROM erp_change");

        sync.run(SyncMode.CHANGED);
        assertThat(fixtures.order(order).get("status")).isEqualTo("STORED");
        sync.run(SyncMode.TOTAL);
        assertThat(fixtures.order(order).get("status")).isEqualTo("DELIVERED");
    }

    @Test
    void aDocumentWhoseChangeCannotBeAppliedIsNotedTheOthersGoOnAndTheNextRunReadsItAgain() {
        long odd = fixtures.webOrder("REGISTERED");
        long fine = fixtures.webOrder("REGISTERED");
        sync.run(SyncMode.CHANGED);
        long oddDoc = fixtures.documentOf(odd);
        long fineDoc = fixtures.documentOf(fine);
        String oddNumber = erpJdbc.queryForObject("SELECT CONCAT(series, '/', number) FROM erp_document WHERE id = :id",
                Map.of("id", oddDoc), String.class);

        // the ERP's status column takes any word; Ponte knows four
        fixtures.erpStatus(oddDoc, "SOSPESO");
        fixtures.erpStatus(fineDoc, "DELIVERED");
        SyncRun run = sync.run(SyncMode.CHANGED);

        assertThat(run.outcome()).as(run.toString()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(fixtures.order(fine).get("status")).as("the document after the odd one was applied: " + run).isEqualTo("DELIVERED");
        assertThat(fixtures.order(odd).get("status")).isEqualTo("STORED");
        assertThat(run.errors()).anyMatch(e -> e.contains(oddNumber) && e.contains("SOSPESO") && e.contains("state-diff-apply"));

        // fixed by the accountant, and its change-log line lost: the run still reads it again, because it failed
        fixtures.erpStatus(oddDoc, "DELIVERED");
        erpJdbc.getJdbcTemplate().update("DELETE FROM erp_change");
        SyncRun next = sync.run(SyncMode.CHANGED);

        assertThat(next.outcome()).as(next.toString()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(fixtures.order(odd).get("status")).isEqualTo("DELIVERED");

        // once applied it is read again only when the change log says so, as every other document
        fixtures.erpStatus(oddDoc, "INVOICED");
        erpJdbc.getJdbcTemplate().update("DELETE FROM erp_change");
        sync.run(SyncMode.CHANGED);
        assertThat(fixtures.order(odd).get("status")).isEqualTo("DELIVERED");
    }

    private static void sleepQuietly(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
