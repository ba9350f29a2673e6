package it.ponte.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.SyncTestBase;
import it.ponte.amazon.AmazonAccounts;
import it.ponte.amazon.SpApiOperation;
import it.ponte.amazon.SpApiRateLimiter;
import it.ponte.sandbox.amazon.RecordedRequest;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Amazon's searchOrders budget is spent (a 429; the next page allowed only in ~3 minutes): the run's poll does not wait
 * for it while holding the lock. The account's poll ends for this run with the time of the next allowed page, its
 * watermark unmoved; the other account and the other phases go on at once.
 */
@Timeout(120)
class AmazonPollBudgetTest extends SyncTestBase {

    private static final String MAIN_SELLER = "A1PONTESANDBOX";

    @Autowired
    SpApiRateLimiter limiter;
    @Autowired
    AmazonAccounts accounts;
    @Autowired
    it.ponte.sync.SyncLauncher launcher;

    /** The limiter is shared by the context: the next tests get the sandbox's fast rate back. */
    @AfterEach
    void fastRateAgain() {
        amazonProperties.accounts().forEach(a -> limiter.observeRate(a.id(), SpApiOperation.SEARCH_ORDERS, 1000));
    }

    @Test
    void aSpentSearchOrdersBudgetEndsTheAccountsPollInsteadOfHoldingTheRun() throws Exception {
        amazon.rateLimiter().configure(true, 1); // Amazon's real rate: one searchOrders page per ~180 s after a burst of 20
        fixtures.amazonOrder();
        sync.run(SyncMode.CHANGED); // Ponte learns the real rate from x-amzn-RateLimit-Limit
        Optional<Instant> watermark = accounts.watermark("it-main");
        while (amazon.rateLimiter().tryAcquire(MAIN_SELLER, "searchOrders")) {
            // someone else spent the seller's budget: Amazon answers 429 now
        }
        fixtures.amazonOrder();
        amazon.requests().clear();

        long started = System.nanoTime();
        SyncRun run = sync.run(SyncMode.CHANGED);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(run.errors()).anySatisfy(e -> assertThat(e).contains("it-main").contains("tempo del polling esaurito")
                .contains("prossima chiamata alle"));
        assertThat(accounts.watermark("it-main")).isEqualTo(watermark);
        long refused = amazon.requests().all().stream().filter(r -> r.status() == 429).count();
        assertThat(refused).as("the 429 is not redelivered into the same spent budget").isEqualTo(1);
        assertThat(run.counts()).containsKey("phase.MAILCHIMP.ms");
        assertThat(millis).isLessThan(30_000);
        // the run record says when Amazon allows the next page, for the next run to go on from there
        SyncRun.AmazonWait stopped = run.amazonWait();
        assertThat(stopped).isNotNull();
        assertThat(stopped.accountId()).isEqualTo("it-main");
        assertThat(stopped.operation()).isEqualTo("searchOrders");
        assertThat(stopped.waiting()).isFalse();
        assertThat(stopped.nextPageAt()).isAfter(Instant.now().plusSeconds(60));
        com.fasterxml.jackson.databind.JsonNode overHttp = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(it.ponte.Http.get(baseUrl() + "/api/sync/runs/" + run.id()).body()).path("amazonWait");
        assertThat(Instant.parse(overHttp.path("nextPageAt").asText())).isEqualTo(stopped.nextPageAt());
        assertThat(overHttp.path("waiting").asBoolean(true)).isFalse();
        System.out.println("RELIABILITY: Amazon 429 with the searchOrders budget spent - run ended in " + millis
                + " ms (poll time budget 60 s, next page ~180 s away), 429 answers " + refused + ", watermark unmoved, the other phases ran");
    }

    @Test
    void aWaitAmazonAsksForWithRetryAfterShowsOnTheRunWhileItLasts() throws Exception {
        String order = fixtures.amazonOrder().orderId();
        amazon.faults().add(it.ponte.sandbox.amazon.AmazonFault.of("searchOrders", 503, 1).retryAfter(4));

        long runId = launcher.launch(SyncMode.CHANGED, it.ponte.sync.SyncTrigger.REST, null);

        // while the poll waits out Amazon's Retry-After, the run record (and so the console) says until when
        com.fasterxml.jackson.databind.JsonNode[] shown = new com.fasterxml.jackson.databind.JsonNode[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> {
                    shown[0] = new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(it.ponte.Http.get(baseUrl() + "/api/sync/runs/" + runId).body()).path("amazonWait");
                    return shown[0].path("waiting").asBoolean(false);
                });
        assertThat(shown[0].path("accountId").asText()).isEqualTo("it-main");
        assertThat(shown[0].path("operation").asText()).isEqualTo("searchOrders");
        assertThat(Instant.parse(shown[0].path("nextPageAt").asText())).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(5));

        SyncRun run = sync.awaitEnd(runId);
        assertThat(run.amazonWait()).as("the wait is over once the call went out").isNull();
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE amazon_order_id = :id", java.util.Map.of("id", order),
                Integer.class)).isEqualTo(1);
    }
}
