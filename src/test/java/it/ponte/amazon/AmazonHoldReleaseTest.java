package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sync.SyncMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An order already in the shop can still be held: an overlapping window re-read it while Amazon's answer was spoiled
 * (a field of the wrong type), and the failed read held it. The next good read of it (a recheck with getOrder) ends
 * the hold; before, it stayed held for ever (found by the faults test at 2,000 orders).
 */
class AmazonHoldReleaseTest extends SyncTestBase {

    @Test
    void aHoldLeftOnAnOrderAlreadyInTheShopEndsWithItsNextGoodRead() {
        SandboxOrder order = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE amazon_order_id = :id", Map.of("id", order.orderId()),
                Integer.class)).isEqualTo(1);
        // what the failed read of a spoiled page left (AmazonImport.recordFailed)
        shopJdbc.update("""
                INSERT INTO amazon_order_hold (amazon_account_id, amazon_order_id, reason)
                VALUES ('it-main', :id, 'ERROR: amazon-import-order: Amazon order cannot be read: field proceeds.breakdowns[0].subtotal.currencyCode')""",
                Map.of("id", order.orderId()));

        sync.run(SyncMode.PARTIAL);

        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM amazon_order_hold", Map.of(), Integer.class)).isZero();
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE amazon_order_id = :id", Map.of("id", order.orderId()),
                Integer.class)).isEqualTo(1);
    }
}
