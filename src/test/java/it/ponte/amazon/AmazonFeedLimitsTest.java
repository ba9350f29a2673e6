package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.RecordedRequest;
import it.ponte.sandbox.amazon.SandboxFeed;
import it.ponte.sandbox.amazon.SandboxFeeds;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Amazon's feed limits (issue 11): one feed of a type per account every 20 minutes with the waiting messages gathered
 * into it, a presigned upload URL never used after its 5 minutes, and a FATAL feed's refunds parked for a person.
 */
class AmazonFeedLimitsTest extends SyncTestBase {

    private long stored(SandboxOrder order) {
        return fixtures.shopId(order.orderId());
    }

    private String state(long id) {
        return (String) fixtures.order(id).get("amazon_state");
    }

    private Map<String, Object> command(long id, String kind) {
        return shopJdbc.queryForMap("SELECT * FROM amazon_outbox WHERE order_id = :id AND kind = :k", Map.of("id", id, "k", kind));
    }

    private void cancel(long id) {
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/cancel", "{\"reason\":\"NoInventory\"}").statusCode()).isEqualTo(200);
    }

    /** What 20 minutes do to Amazon's feed interval: the feeds Ponte created are that much older. */
    private void twentyMinutesPass() {
        shopJdbc.getJdbcTemplate().update("UPDATE amazon_feed SET submitted_at = submitted_at - INTERVAL 20 MINUTE");
    }

    /** An order shipped and then refunded by the administrator: its refund is owed. */
    private long refundOwed(SandboxOrder order) {
        sync.run(SyncMode.PARTIAL);
        long id = stored(order);
        fixtures.shippingInErp(fixtures.documentOf(id), "BRT", Instant.now().truncatedTo(ChronoUnit.SECONDS), "BRT5" + id);
        sync.run(SyncMode.CHANGED);
        assertThat(state(id)).isEqualTo("SHIPPED");
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/refund", "{\"reason\":\"CustomerReturn\"}").statusCode()).isEqualTo(200);
        return id;
    }

    @Test
    void aSecondFeedOfATypeWaitsTwentyMinutesAndThenCarriesEveryCommandThatGatheredMeanwhile() {
        SandboxOrder first = fixtures.amazonOrder();
        SandboxOrder second = fixtures.amazonOrder();
        SandboxOrder third = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        long a = stored(first);
        long b = stored(second);
        long c = stored(third);
        cancel(a);
        sync.run(SyncMode.CHANGED);
        assertThat(state(a)).isEqualTo("CANCELLED");
        cancel(b);
        sync.run(SyncMode.CHANGED);
        cancel(c);

        SyncRun tooSoon = sync.run(SyncMode.CHANGED);

        assertThat(amazon.feeds().feeds()).as("one cancellation feed in 20 minutes").hasSize(1);
        assertThat(state(b)).isEqualTo("PENDING_CANCELLATION");
        assertThat(command(b, "CANCEL").get("status")).isEqualTo("PENDING");
        assertThat(command(b, "CANCEL").get("attempts")).as("waiting is no refusal").isEqualTo(0);
        assertThat((String) command(c, "CANCEL").get("last_error")).contains("in attesa del prossimo feed");
        assertThat(tooSoon.errors()).as("waiting for Amazon's interval is no failure").isEmpty();

        twentyMinutesPass();
        sync.run(SyncMode.CHANGED);

        List<SandboxFeed> feeds = amazon.feeds().feeds();
        assertThat(feeds).hasSize(2);
        assertThat(feeds.get(1).xml()).contains(second.orderId()).contains(third.orderId());
        assertThat(command(b, "CANCEL").get("feed_id")).isEqualTo(command(c, "CANCEL").get("feed_id"));
        assertThat(state(b)).isEqualTo("CANCELLED");
        assertThat(state(c)).isEqualTo("CANCELLED");
    }

    @Test
    void anUploadUrlPastItsFiveMinutesIsNeverUsedAgainAFreshFeedDocumentCarriesTheFeed() {
        SandboxOrder order = fixtures.amazonOrder();
        long id = refundOwed(order);
        amazon.feeds().switches().expireNextUploadUrls(1);
        amazon.requests().clear();

        SyncRun run = sync.run(SyncMode.CHANGED);

        List<RecordedRequest> uploads = amazon.requests().all().stream()
                .filter(r -> r.path().startsWith(SandboxFeeds.UPLOAD_PATH)).toList();
        assertThat(uploads).extracting(RecordedRequest::status).containsExactly(403, 200);
        assertThat(uploads.get(0).path()).as("a new document, not the expired URL again").isNotEqualTo(uploads.get(1).path());
        assertThat(amazon.feeds().feeds()).hasSize(1);
        assertThat(state(id)).isEqualTo("REFUNDED");
        assertThat(amazon.refundsOf(order.orderId())).hasSize(1);
        assertThat(run.errors()).isEmpty();
    }

    @Test
    void aFatalFeedParksItsRefundForAPersonAndNeverResendsItByItself() throws Exception {
        SandboxOrder order = fixtures.amazonOrder();
        long id = refundOwed(order);
        amazon.feeds().switches().failNextFeeds(1);

        SyncRun fatal = sync.run(SyncMode.CHANGED);

        assertThat(command(id, "REFUND").get("status")).isEqualTo("PARKED");
        assertThat((String) command(id, "REFUND").get("last_error")).contains("FATAL").contains("decisione").contains("non lo reinvia");
        assertThat(state(id)).isEqualTo("PENDING_REFUND");
        assertThat(fatal.errors()).anyMatch(e -> e.contains(order.orderId()) && e.contains("FATAL") && e.contains("decisione"));
        assertThat(Http.get(baseUrl() + "/api/amazon/parked").body()).contains(order.orderId()).contains("FATAL");

        twentyMinutesPass();
        sync.run(SyncMode.CHANGED);
        sync.run(SyncMode.CHANGED);

        assertThat(amazon.feeds().feeds()).as("the refund is never resent by itself").hasSize(1);
        assertThat(amazon.refundsOf(order.orderId())).isEmpty();
        assertThat(state(id)).isEqualTo("PENDING_REFUND");
    }
}
