package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.SandboxFeed;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sync.SyncMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Amazon's size limit of a feed (10 MiB), here shrunk to a size that holds two cancellations: the messages that do not
 * fit wait for the next feed, none is dropped and none goes twice.
 */
@TestPropertySource(properties = {"ponte.amazon.outbound.feed-max-bytes=" + AmazonFeedSizeTest.MAX_BYTES, "spring.jmx.enabled=false"})
class AmazonFeedSizeTest extends SyncTestBase {

    static final int MAX_BYTES = 1500;

    @Test
    void whatDoesNotFitUnderTheFeedSizeLimitWaitsForTheNextFeed() {
        List<SandboxOrder> orders = List.of(fixtures.amazonOrder(), fixtures.amazonOrder(), fixtures.amazonOrder());
        sync.run(SyncMode.PARTIAL);
        List<Long> ids = orders.stream().map(o -> fixtures.shopId(o.orderId())).toList();
        ids.forEach(id -> assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/cancel", "{\"reason\":\"NoInventory\"}")
                .statusCode()).isEqualTo(200));

        sync.run(SyncMode.CHANGED);

        assertThat(amazon.feeds().feeds()).hasSize(1);
        SandboxFeed first = amazon.feeds().feeds().get(0);
        assertThat(first.xml().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MAX_BYTES);
        long waiting = ids.stream().filter(id -> "PENDING_CANCELLATION".equals(fixtures.order(id).get("amazon_state"))).count();
        assertThat(waiting).as("what did not fit waits").isPositive();
        assertThat(waiting).as("the feed carried something").isLessThan(3);

        shopJdbc.getJdbcTemplate().update("UPDATE amazon_feed SET submitted_at = submitted_at - INTERVAL 20 MINUTE");
        sync.run(SyncMode.CHANGED);

        assertThat(ids).allSatisfy(id -> assertThat(fixtures.order(id).get("amazon_state")).isEqualTo("CANCELLED"));
        assertThat(amazon.feeds().feeds()).hasSize(2).allSatisfy(f -> assertThat(f.xml().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(MAX_BYTES));
        orders.forEach(o -> assertThat(amazon.cancellationsOf(o.orderId())).hasSize(1));
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM amazon_outbox WHERE status = 'DONE'", Map.of(), Integer.class)).isEqualTo(3);
    }
}
