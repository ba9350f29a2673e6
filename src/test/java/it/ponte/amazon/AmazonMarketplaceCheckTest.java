package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.amazon.SandboxAddress;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sandbox.mail.ReceivedMail;
import it.ponte.sync.SyncMode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The marketplace is checked (issue 11): an order of a marketplace the account does not list is held, not imported. */
class AmazonMarketplaceCheckTest extends SyncTestBase {

    private static final String AMAZON_DE = "A1PM4I4KVE4B5";

    @Test
    void anOrderOfAMarketplaceNotAmongTheAccountsIsHeldWithThatReasonNotImported() {
        // Amazon answers the seller's orders of every marketplace, whatever marketplaceIds asked for
        amazon.answerOrdersOfEveryMarketplace(true);
        SandboxOrder italian = amazon.addOrder(order("Elena Sala", "elena@marketplace.amazon.it", 20));
        SandboxOrder german = amazon.addOrder(order("Jonas Weber", "jonas@marketplace.amazon.de", 19).withMarketplaceId(AMAZON_DE));

        sync.run(SyncMode.PARTIAL);

        assertThat(shopJdbc.queryForList("SELECT amazon_order_id FROM shop_order", Map.of(), String.class)).containsExactly(italian.orderId());
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE email LIKE '%amazon.de'", Map.of(), Long.class)).isZero();
        String reason = shopJdbc.queryForObject("SELECT reason FROM amazon_order_hold WHERE amazon_order_id = :id",
                Map.of("id", german.orderId()), String.class);
        assertThat(reason).startsWith("FOREIGN_MARKETPLACE").contains(AMAZON_DE).contains("APJ6JRA9NG5V4");
        ReceivedMail notice = importMail();
        assertThat(notice.text()).contains(german.orderId()).contains("marketplace");

        // asked again on the next run (getOrder answers whatever the marketplace): still held, never imported
        sync.run(SyncMode.PARTIAL);
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE amazon_order_id = :id",
                Map.of("id", german.orderId()), Long.class)).isZero();
        assertThat(shopJdbc.queryForObject("SELECT attempts FROM amazon_order_hold WHERE amazon_order_id = :id",
                Map.of("id", german.orderId()), Integer.class)).isGreaterThan(1);
    }

    private ReceivedMail importMail() {
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.messages().stream().anyMatch(m -> m.subject().contains("Amazon")));
        return mail.messages().stream().filter(m -> m.subject().contains("Amazon")).findFirst().orElseThrow();
    }

    private static NewOrder order(String buyer, String email, int minutesAgo) {
        Instant at = Instant.now().minus(minutesAgo, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, null, buyer, email,
                new SandboxAddress(buyer, "Via Roma 1", null, "Bologna", "BO", "40121", "IT", "+39 051 000000"),
                List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 1, new BigDecimal("24.50"))),
                new BigDecimal("4.90"), at, at);
    }
}
