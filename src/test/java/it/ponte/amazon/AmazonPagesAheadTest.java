package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.amazon.RecordedRequest;
import it.ponte.sandbox.amazon.SandboxAddress;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The poll fetches the window's next page while it stores the current one (route {@code amazon-import-page}, bean
 * {@code amazonPagesAhead}). A store that fails on page 2 while page 3 was already fetched ends the window there: page 3
 * is not stored, the window's progress stays at the end of page 1 (the token of page 2), the watermark does not move;
 * the next run goes on from page 2 (read again: its orders are found stored) and page 3, every order stored once and
 * in the pages' order. The tests' pages hold 5
 * orders (application-test.yaml).
 */
class AmazonPagesAheadTest extends SyncTestBase {

    @Test
    void aStoreFailingOnAPageWhileTheNextWasFetchedSkipsNothingAndKeepsTheProgressAtThePageBefore() {
        List<String> placed = new ArrayList<>();
        Instant base = Instant.now().minus(60, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 12; i++) { // pages of 5 by update time: orders 0-4, 5-9, 10-11
            Instant at = base.plusSeconds(60L * i);
            placed.add(amazon.addOrder(new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, null, "Cliente Avanti" + i,
                    "avanti" + i + "@marketplace.amazon.it", new SandboxAddress("Cliente Avanti" + i, "Via Avanti " + i, null, "Bologna", "BO",
                    "40121", "IT", null), List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 1, new BigDecimal("24.50"))),
                    new BigDecimal("4.90"), at, at)).orderId());
        }
        // the store of page 2 fails at its end, where the window's progress is saved (a failure of the page, not of an
        // order: a bad order fails alone and its page goes on)
        shopJdbc.getJdbcTemplate().execute("CREATE TRIGGER pages_ahead_store_fails BEFORE INSERT ON amazon_window_progress FOR EACH ROW "
                + "IF NEW.orders_read = 10 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'page 2 not stored'; END IF");
        SyncRun failed;
        try {
            failed = sync.run(SyncMode.PARTIAL);
        } finally {
            shopJdbc.getJdbcTemplate().execute("DROP TRIGGER IF EXISTS pages_ahead_store_fails");
        }

        // the pages after the first are asked for by their token (account it-pending has no orders: one page, no token)
        List<RecordedRequest> firstRun = tokened();
        assertThat(firstRun).as("pages 2 and 3: page 3 was fetched while page 2 was stored").hasSize(2);
        assertThat(failed.errors()).anyMatch(e -> e.contains("it-main"));
        assertThat(stored()).as("pages 1 and 2 stored, page 3 not (fetched ahead, dropped with the window)")
                .containsExactlyElementsOf(placed.subList(0, 10));
        assertThat(shopJdbc.queryForObject("SELECT watermark FROM amazon_account WHERE id = 'it-main'", Map.of(), Object.class))
                .as("the window is not read to its end").isNull();
        Map<String, Object> progress = shopJdbc.queryForMap("SELECT next_token, orders_read FROM amazon_window_progress "
                + "WHERE account_id = 'it-main'", Map.of());
        assertThat(((Number) progress.get("orders_read")).intValue()).as("the progress covers page 1 only").isEqualTo(5);
        assertThat(progress.get("next_token")).as("the next run starts at page 2").isEqualTo(token(firstRun.get(0)));

        amazon.requests().clear();
        sync.run(SyncMode.PARTIAL);

        List<RecordedRequest> secondRun = tokened();
        assertThat(secondRun).as("pages 2 and 3 again, nothing before").hasSize(2);
        assertThat(token(secondRun.get(0))).as("the window goes on from page 2").isEqualTo(token(firstRun.get(0)));
        assertThat(stored()).as("every order once").containsExactlyInAnyOrderElementsOf(placed);
        List<String> inStoreOrder = stored();
        assertThat(inStoreOrder.subList(inStoreOrder.size() - 2, inStoreOrder.size())).as("page 3 stored after page 2")
                .containsExactly(placed.get(10), placed.get(11));
        assertThat(shopJdbc.queryForObject("SELECT watermark FROM amazon_account WHERE id = 'it-main'", Map.of(), Object.class))
                .as("the window read to its end moves the watermark").isNotNull();
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM amazon_window_progress", Map.of(), Integer.class)).isZero();
    }

    /** The Amazon order ids in the shop, in the order they were stored. */
    private List<String> stored() {
        return shopJdbc.queryForList("SELECT amazon_order_id FROM shop_order WHERE amazon_account_id = 'it-main' ORDER BY id",
                Map.of(), String.class);
    }

    private List<RecordedRequest> tokened() {
        return amazon.requests().all().stream().filter(r -> r.path().endsWith("/orders/2026-01-01/orders") && r.status() == 200)
                .filter(r -> token(r) != null).toList();
    }

    private static String token(RecordedRequest search) {
        for (String pair : search.query().split("&")) {
            if (pair.startsWith("paginationToken=")) {
                return URLDecoder.decode(pair.substring("paginationToken=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
