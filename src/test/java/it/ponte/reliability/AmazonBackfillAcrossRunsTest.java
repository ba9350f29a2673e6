package it.ponte.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.amazon.AmazonAccounts;
import it.ponte.amazon.SpApiRateLimiter;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A first import larger than one run's Amazon budget (page size 5, a burst of 20 searchOrders pages, then one every
 * ~3 minutes, beyond the poll's 60 s time budget): each run reads what the budget allows and stores it, the ERP insert
 * runs on what was stored, and the next run goes on from the next page of the same window, so the backfill proceeds
 * across runs with no order missed or read twice, and the run record says how many orders it has read so far.
 */
@Timeout(240)
class AmazonBackfillAcrossRunsTest extends SyncTestBase {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    SpApiRateLimiter limiter;
    @Autowired
    AmazonAccounts accounts;

    @Test
    void aBackfillLargerThanOneRunsBudgetGoesOnFromItsNextPageInTheNextRun() throws Exception {
        amazon.rateLimiter().configure(true, 1); // Amazon's real rate: one searchOrders page per ~180 s after a burst of 20
        Set<String> placed = new HashSet<>();
        for (int i = 0; i < 220; i++) { // 44 pages of 5
            placed.add(fixtures.amazonOrder().orderId());
        }

        SyncRun first = sync.run(SyncMode.CHANGED);

        // 20 pages read and stored, the ERP insert ran on them; the 21st page is allowed only in ~3 minutes
        assertThat(imported()).isEqualTo(100);
        assertThat(inErp()).isEqualTo(100);
        assertThat(first.counts()).containsKey("phase.ERP_INSERT.ms").containsKey("phase.MAILCHIMP.ms");
        assertThat(accounts.watermark("it-main")).as("the window is not read to its end: the watermark waits").isEmpty();
        assertThat(first.amazonWait()).isNotNull();
        assertThat(first.amazonWait().waiting()).isFalse();
        assertThat(first.amazonWait().ordersSoFar()).isEqualTo(100);
        JsonNode overHttp = json.readTree(Http.get(baseUrl() + "/api/sync/runs/" + first.id()).body()).path("amazonWait");
        assertThat(overHttp.path("ordersSoFar").asInt()).isEqualTo(100);
        assertThat(overHttp.path("accountId").asText()).isEqualTo("it-main");

        // the budget comes back (the ~3 minutes pass): the next run goes on from the 21st page, not from the first
        budgetBack();
        SyncRun second = sync.run(SyncMode.CHANGED);
        assertThat(imported()).isEqualTo(200);
        assertThat(inErp()).isEqualTo(200);
        assertThat(second.amazonWait().ordersSoFar()).as("the progress counts across runs").isEqualTo(200);

        budgetBack();
        SyncRun third = sync.run(SyncMode.CHANGED);
        assertThat(imported()).isEqualTo(220);
        assertThat(inErp()).isEqualTo(220);
        assertThat(third.amazonWait()).as("the backfill is over: nothing to say").isNull();
        assertThat(accounts.watermark("it-main")).as("the window read to its end moves the watermark").isPresent();
        List<String> ids = shopJdbc.queryForList("SELECT amazon_order_id FROM shop_order WHERE amazon_account_id = 'it-main'",
                Map.of(), String.class);
        assertThat(new HashSet<>(ids)).isEqualTo(placed);
        // each page read once over the three runs: pages 2 to 44 by their token (and the sandbox's empty 45th, when it
        // offers one); a run reading the window again from its start would ask for 20 tokened pages more
        long searches = amazon.requests().all().stream().filter(r -> r.path().endsWith("/orders"))
                .filter(r -> r.query() != null && r.query().contains("paginationToken")).count();
        assertThat(searches).isBetween(43L, 44L);
    }

    /** What ~3 minutes do to both buckets, Amazon's and Ponte's own. */
    private void budgetBack() {
        amazon.rateLimiter().configure(true, 1);
        limiter.reset();
    }

    private int imported() {
        return shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE amazon_account_id = 'it-main'", Map.of(), Integer.class);
    }

    private int inErp() {
        return shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE amazon_account_id = 'it-main' AND status = 'STORED'",
                Map.of(), Integer.class);
    }
}
