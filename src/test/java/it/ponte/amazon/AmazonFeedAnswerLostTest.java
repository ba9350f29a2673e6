package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.AmazonFault;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sync.SyncMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * createFeed is not idempotent: when its answer is lost Ponte never creates the feed a second time. It looks for the
 * feed with getFeeds: found, it is settled as any other; not there once the grace has passed, its commands are sent
 * again in a new feed. Either way Amazon gets each command once.
 */
class AmazonFeedAnswerLostTest extends SyncTestBase {

    private long cancelled(SandboxOrder order) {
        sync.run(SyncMode.CHANGED);
        long id = fixtures.shopId(order.orderId());
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/cancel", "{\"reason\":\"NoInventory\"}").statusCode()).isEqualTo(200);
        return id;
    }

    private String state(long id) {
        return (String) fixtures.order(id).get("amazon_state");
    }

    @Test
    void aFeedCreatedWhoseAnswerWasLostIsFoundAndNeverCreatedTwice() {
        SandboxOrder order = fixtures.amazonOrder();
        long id = cancelled(order);
        amazon.feeds().loseNextCreateFeedAnswer();

        sync.run(SyncMode.CHANGED);

        assertThat(amazon.feeds().feeds()).as("one feed, never a second").hasSize(1);
        assertThat(state(id)).isEqualTo("CANCELLED");
        assertThat(amazon.cancellationsOf(order.orderId())).hasSize(1);
        assertThat(shopJdbc.queryForObject("SELECT feed_id FROM amazon_outbox WHERE order_id = :id", Map.of("id", id), String.class))
                .isEqualTo(amazon.feeds().feeds().get(0).feedId());
        assertThat(amazon.requests().all()).filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/feeds")).hasSize(1);
    }

    @Test
    void aFeedAmazonNeverCreatedIsSentAgainOnceTheGraceHasPassed() {
        SandboxOrder order = fixtures.amazonOrder();
        long id = cancelled(order);
        amazon.faults().add(AmazonFault.of("createFeed", 503, 1));

        sync.run(SyncMode.CHANGED);

        assertThat(amazon.feeds().feeds()).isEmpty();
        assertThat(state(id)).as("not resent while Amazon may still show the feed").isEqualTo("PENDING_CANCELLATION");
        assertThat(shopJdbc.queryForObject("SELECT status FROM amazon_outbox WHERE order_id = :id", Map.of("id", id), String.class)).isEqualTo("SENT");
        // ponte.amazon.outbound.unconfirmed-feed-grace (2 minutes) passes
        shopJdbc.getJdbcTemplate().update("UPDATE amazon_feed SET submitted_at = submitted_at - INTERVAL 3 MINUTE");

        sync.run(SyncMode.CHANGED);
        sync.run(SyncMode.CHANGED);

        assertThat(state(id)).isEqualTo("CANCELLED");
        assertThat(amazon.feeds().feeds()).hasSize(1);
        assertThat(amazon.cancellationsOf(order.orderId())).hasSize(1);
        assertThat(shopJdbc.queryForObject("SELECT attempts FROM amazon_outbox WHERE order_id = :id", Map.of("id", id), Integer.class))
                .as("a lost answer is no refusal").isZero();
    }
}
