package it.ponte.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ponte.SyncTestBase;
import it.ponte.mailchimp.MailchimpProperties;
import it.ponte.sandbox.mail.ReceivedMail;
import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Seed 000 end to end: the accountant's changes in the ERP reach the Mailchimp order through real sync runs. */
class MailchimpInSyncRunTest extends SyncTestBase {

    @Autowired
    SandboxMailchimpState mailchimp;
    @Autowired
    MailchimpProperties properties;

    @BeforeEach
    void listAndCatalogue() {
        mailchimp.reset();
        shopJdbc.update("""
                INSERT IGNORE INTO product (sku, title, price) VALUES ('PONTE-MOKA-3', 'Moka in alluminio 3 tazze', 30.00)
                """, Map.of());
    }

    private Optional<ObjectNode> mailchimpOrder(long orderId) {
        return mailchimp.store(properties.storeId()).flatMap(s -> s.order(String.valueOf(orderId)));
    }

    private void memberOf(long orderId) {
        String email = shopJdbc.queryForObject("SELECT c.email FROM customer c JOIN shop_order o ON o.customer_id = c.id WHERE o.id = :id",
                Map.of("id", orderId), String.class);
        mailchimp.putMember(email, "subscribed");
    }

    @Test
    void anOrderReachesMailchimpPendingWhenInsertedIntoTheErpAndFollowsItsDocument() {
        long order = fixtures.webOrder("REGISTERED");
        memberOf(order);

        sync.run(SyncMode.PARTIAL);
        assertThat(fixtures.order(order).get("status")).isEqualTo("STORED");
        assertThat(mailchimpOrder(order)).as("orders do not travel in PARTIAL runs").isEmpty();

        sync.run(SyncMode.CHANGED);
        assertThat(mailchimpOrder(order).orElseThrow().path("financial_status").asText()).isEqualTo("pending");

        long doc = fixtures.documentOf(order);
        fixtures.erpStatus(doc, "DELIVERED");
        sync.run(SyncMode.CHANGED);
        assertThat(mailchimpOrder(order).orElseThrow().path("fulfillment_status").asText()).isEqualTo("shipped");

        fixtures.erpStatus(doc, "INVOICED");
        sync.run(SyncMode.CHANGED);
        assertThat(mailchimpOrder(order).orElseThrow().path("financial_status").asText()).isEqualTo("paid");
        assertThat(mailchimp.store(properties.storeId()).orElseThrow().orderCount()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> mail.messages().stream().anyMatch(m -> m.subject().contains("Mailchimp")));
        ReceivedMail report = mail.messages().stream().filter(m -> m.subject().contains("Mailchimp")).findFirst().orElseThrow();
        assertThat(report.text()).contains("Ordini");
    }

    @Test
    void anOrderCancelledInTheErpBecomesCancelledInMailchimp() {
        long order = fixtures.webOrder("REGISTERED");
        memberOf(order);
        sync.run(SyncMode.CHANGED);
        assertThat(mailchimpOrder(order)).isPresent();

        fixtures.cancelInErp(fixtures.documentOf(order), "ANN-CLIENTE");
        sync.run(SyncMode.CHANGED);

        assertThat(mailchimpOrder(order).orElseThrow().path("financial_status").asText()).isEqualTo("cancelled");
    }

    @Test
    void anOrderThatNeverReachedTheErpNeverReachesMailchimp() {
        long order = fixtures.webOrder("PAYMENT_UNCONFIRMED");
        memberOf(order);
        sync.run(SyncMode.TOTAL);
        assertThat(mailchimpOrder(order)).isEmpty();
    }

    @Test
    void membershipIsLookedUpOncePerEmailPerRun() throws Exception {
        long first = fixtures.webOrder("REGISTERED");
        long customer = ((Number) fixtures.order(first).get("customer_id")).longValue();
        long second = fixtures.webOrder("REGISTERED");
        shopJdbc.update("UPDATE shop_order SET customer_id = :c WHERE id = :id", Map.of("c", customer, "id", second));
        memberOf(first);
        String email = shopJdbc.queryForObject("SELECT email FROM customer WHERE id = :id", Map.of("id", customer), String.class);
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(email.toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        sync.run(SyncMode.CHANGED);

        assertThat(mailchimpOrder(first)).isPresent();
        assertThat(mailchimpOrder(second)).isPresent();
        assertThat(mailchimp.requests().stream().filter(r -> r.startsWith("GET ") && r.contains("/members/" + hash))).hasSize(1);
    }

    @Test
    void aRunWithNothingForMailchimpSendsNoMailchimpReport() {
        sync.run(SyncMode.PARTIAL);
        assertThat(mail.messages()).noneMatch(m -> m.subject().contains("Mailchimp"));
    }
}
