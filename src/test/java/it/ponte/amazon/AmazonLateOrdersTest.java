package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.amazon.RecordedRequest;
import it.ponte.sandbox.amazon.SandboxAddress;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import it.ponte.sync.SyncTrigger;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Orders Amazon surfaces hours late with an older last-update time (issue 11): the incremental windows miss them, the
 * periodic deep re-sweep (ponte.amazon.polling.resweep-*) finds them, once, on spare rate budget, resuming across runs.
 */
class AmazonLateOrdersTest extends SyncTestBase {

    @Test
    void anOrderSurfacingHoursLateIsMissedByTheIncrementalWindowAndImportedOnceByTheDeepResweep() {
        SandboxOrder late = amazon.addLateOrder(order("Tardo Ritardi", "tardo@marketplace.amazon.it", Duration.ofHours(3)));
        sync.run(SyncMode.PARTIAL);
        amazon.surface(late.orderId());

        sync.run(SyncMode.PARTIAL);
        assertThat(orders()).as("its update time is behind the watermark: the incremental window cannot see it").isZero();

        aDayPasses();
        Instant resweepRun = Instant.now();
        assertThat(sync.run(SyncMode.PARTIAL).outcome()).isEqualTo(SyncOutcome.SUCCEEDED);

        assertThat(orders()).isEqualTo(1);
        assertThat(shopJdbc.queryForObject("SELECT status FROM shop_order", Map.of(), String.class)).isEqualTo("STORED");
        assertThat(searches()).as("the re-sweep reaches 48 hours back").anyMatch(r -> {
            Duration back = Duration.between(Instant.parse(params(r.query()).get("lastUpdatedAfter")), resweepRun);
            return back.compareTo(Duration.ofHours(48)) >= 0 && back.compareTo(Duration.ofHours(48).plusMinutes(5)) <= 0;
        });

        aDayPasses();
        sync.run(SyncMode.PARTIAL);
        assertThat(orders()).as("read again by the next re-sweep, stored once").isEqualTo(1);
        assertThat(erpJdbc.queryForObject("SELECT COUNT(*) FROM erp_document", Map.of(), Long.class)).isEqualTo(1);
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM customer", Map.of(), Long.class)).isEqualTo(1);
    }

    @Test
    void theResweepIsNotRepeatedBeforeItsIntervalAndTheFirstImportCountsAsOne() {
        sync.run(SyncMode.PARTIAL);
        sync.run(SyncMode.PARTIAL);

        // the first windows reach back initial-lookback (7 days), the second ones minutes: never a 48-hour re-sweep
        assertThat(searches()).hasSize(4).noneMatch(r -> {
            Duration back = Duration.between(Instant.parse(params(r.query()).get("lastUpdatedAfter")), Instant.now());
            return back.compareTo(Duration.ofHours(47)) > 0 && back.compareTo(Duration.ofHours(49)) < 0;
        });
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM amazon_resweep WHERE completed_at IS NOT NULL", Map.of(), Long.class))
                .isEqualTo(2);
    }

    @Test
    void theResweepReadsAtMostItsPagesPerRunAndGoesOnNextRunWithTheSameParameters() {
        // the account's own schedule: only it-main is polled, so every search below is its own
        importItMain();
        // twelve orders surfaced late, five hours old: three pages of five (ponte.amazon.polling.page-size in tests)
        for (int i = 0; i < 12; i++) {
            amazon.addOrder(order("Cliente Tardivo " + i, "tardivo" + i + "@marketplace.amazon.it", Duration.ofHours(5).minusMinutes(i)));
        }
        aDayPasses();
        int before = searches().size();

        importItMain();

        assertThat(orders()).as("two re-sweep pages in this run (resweep-max-pages)").isEqualTo(10);
        assertThat(shopJdbc.queryForObject("SELECT next_token FROM amazon_resweep WHERE account_id = 'it-main'", Map.of(), String.class))
                .isNotNull();
        // the incremental window's page, then the re-sweep's first two
        List<RecordedRequest> firstRun = searches().subList(before, searches().size());
        assertThat(firstRun).hasSize(3);
        Map<String, String> firstResweepPage = params(firstRun.get(1).query());

        int resumedFrom = searches().size();
        importItMain();

        assertThat(orders()).isEqualTo(12);
        List<RecordedRequest> secondRun = searches().subList(resumedFrom, searches().size());
        assertThat(secondRun).hasSize(2);
        Map<String, String> resumed = params(secondRun.get(1).query());
        assertThat(resumed).containsKey("paginationToken");
        resumed.remove("paginationToken");
        assertThat(resumed).as("the page token goes back with the first request's parameters").isEqualTo(firstResweepPage);
        assertThat(shopJdbc.queryForMap("SELECT next_token, completed_at FROM amazon_resweep WHERE account_id = 'it-main'", Map.of()))
                .containsEntry("next_token", null).doesNotContainEntry("completed_at", null);
    }

    /** What a day does to the re-sweep's schedule: the last one ended more than resweep-every ago. */
    private void aDayPasses() {
        shopJdbc.update("UPDATE amazon_resweep SET completed_at = completed_at - INTERVAL 25 HOUR", Map.of());
    }

    private long orders() {
        return shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order", Map.of(), Long.class);
    }

    /** Answered searchOrders calls, in order. */
    private List<RecordedRequest> searches() {
        return amazon.requests().all().stream()
                .filter(r -> r.path().endsWith("/orders/2026-01-01/orders") && r.status() == 200).toList();
    }

    private void importItMain() {
        sync.run(SyncMode.IMPORT, SyncTrigger.ACCOUNT_SCHEDULE, "it-main");
    }

    private static Map<String, String> params(String query) {
        Map<String, String> p = new TreeMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            p.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return p;
    }

    private static NewOrder order(String buyer, String email, Duration ago) {
        Instant at = Instant.now().minus(ago).truncatedTo(ChronoUnit.SECONDS);
        return new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, null, buyer, email,
                new SandboxAddress(buyer, "Via Roma 1", null, "Bologna", "BO", "40121", "IT", "+39 051 000000"),
                List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 1, new BigDecimal("24.50"))),
                new BigDecimal("4.90"), at, at);
    }
}
