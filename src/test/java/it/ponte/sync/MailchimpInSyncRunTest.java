package it.ponte.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import it.ponte.SyncTestBase;
import it.ponte.mailchimp.MailchimpProperties;
import it.ponte.sandbox.mail.ReceivedMail;
import it.ponte.sandbox.mailchimp.SandboxMailchimpFaults;
import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Seed 000 end to end: the accountant's changes in the ERP reach the Mailchimp order through real sync runs. */
class MailchimpInSyncRunTest extends SyncTestBase {

    @Autowired
    SandboxMailchimpState mailchimp;
    @Autowired
    MailchimpProperties properties;
    @Autowired
    SandboxMailchimpFaults faults;
    @Autowired
    CircuitBreaker mailchimpCircuitBreaker;

    @BeforeEach
    void listAndCatalogue() {
        mailchimp.reset();
        faults.reset();
        mailchimpCircuitBreaker.reset();
        shopJdbc.update("""
                INSERT IGNORE INTO product (sku, title, price) VALUES ('PONTE-MOKA-3', 'Moka in alluminio 3 tazze', 30.00)
                """, Map.of());
    }

    @AfterEach
    void closeCircuit() {
        // one circuit for the whole Spring context: leave Mailchimp reachable for the next test
        faults.reset();
        mailchimpCircuitBreaker.reset();
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
    void anOrderCancelledInTheErpBecomesCancelledInMailchimpAtTheTimeOfTheCancellation() {
        long order = fixtures.webOrder("REGISTERED");
        memberOf(order);
        sync.run(SyncMode.CHANGED);
        assertThat(mailchimpOrder(order)).isPresent();

        long doc = fixtures.documentOf(order);
        fixtures.cancelInErp(doc, "ANN-CLIENTE");
        // the accountant cancelled it three hours before this run looked
        java.time.Instant cancelledInErp = java.time.Instant.now().minus(java.time.Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        erpJdbc.update("UPDATE erp_document SET updated_at = :at WHERE id = :id",
                Map.of("at", java.sql.Timestamp.from(cancelledInErp), "id", doc));
        sync.run(SyncMode.CHANGED);

        ObjectNode cancelled = mailchimpOrder(order).orElseThrow();
        assertThat(cancelled.path("financial_status").asText()).isEqualTo("cancelled");
        assertThat(java.time.OffsetDateTime.parse(cancelled.path("cancelled_at_foreign").asText()).toInstant()).isEqualTo(cancelledInErp);
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

    private Map<String, Object> outboxRow(long orderId) {
        return shopJdbc.queryForMap("SELECT status, attempts, last_error FROM mailchimp_outbox WHERE entity = 'ORDER' AND entity_id = :id",
                Map.of("id", orderId));
    }

    private long faultsSeen() {
        return mailchimp.requests().stream().filter(r -> r.startsWith("FAULT ")).count();
    }

    @Test
    void mailchimpDownLeavesItsOrdersOwedWhileTheOtherPhasesRunAndTheRunSaysSoOnce() {
        long order = fixtures.webOrder("REGISTERED");
        memberOf(order);
        faults.down(true);

        SyncRun down = sync.run(SyncMode.CHANGED);

        assertThat(fixtures.order(order).get("status")).as("the ERP phase ran").isEqualTo("STORED");
        assertThat(down.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(down.errors()).filteredOn(e -> e.contains("Mailchimp non raggiungibile")).singleElement()
                .isEqualTo("Mailchimp non raggiungibile");
        assertThat(down.reason()).contains("Mailchimp non raggiungibile");
        assertThat(outboxRow(order)).containsEntry("status", "PENDING").containsEntry("attempts", 0);
        assertThat(mailchimpOrder(order)).isEmpty();

        // the next runs keep trying until Mailchimp's circuit opens; from then on a run does not even call it
        for (int run = 0; run < 3 && mailchimpCircuitBreaker.getState() != CircuitBreaker.State.OPEN; run++) {
            assertThat(sync.run(SyncMode.CHANGED).outcome()).isEqualTo(SyncOutcome.PARTIAL);
        }
        assertThat(mailchimpCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long calledBefore = faultsSeen();
        SyncRun open = sync.run(SyncMode.CHANGED);
        assertThat(faultsSeen()).as("no call while the circuit is open").isEqualTo(calledBefore);
        assertThat(open.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(open.errors()).filteredOn(e -> e.contains("Mailchimp non raggiungibile")).hasSize(1);
        assertThat(outboxRow(order)).as("an outage never parks").containsEntry("status", "PENDING").containsEntry("attempts", 0);

        // Mailchimp is back and the circuit's open-for has passed (half-open: one call may try)
        faults.down(false);
        mailchimpCircuitBreaker.transitionToHalfOpenState();
        SyncRun back = sync.run(SyncMode.CHANGED);

        assertThat(back.errors()).noneMatch(e -> e.contains("Mailchimp"));
        assertThat(mailchimpCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(mailchimpOrder(order).orElseThrow().path("financial_status").asText()).isEqualTo("pending");
        assertThat(outboxRow(order)).containsEntry("status", "DONE");
    }

    @Test
    void anUnreadableAnswerFailsOnlyItsOrderTheRunEndsPartialAndTheNextRunSendsIt() {
        long first = fixtures.webOrder("REGISTERED");
        long second = fixtures.webOrder("REGISTERED");
        memberOf(first);
        memberOf(second);
        // the first order POSTed gets a 200 whose body is an HTML page instead of Mailchimp's JSON
        faults.unreadableAnswerOnce("POST /ecommerce/stores/" + properties.storeId() + "/orders");

        SyncRun run = sync.run(SyncMode.CHANGED);

        long refused = outboxRow(first).get("status").equals("DONE") ? second : first;
        long sent = refused == first ? second : first;
        assertThat(mailchimpOrder(sent)).isPresent();
        assertThat(outboxRow(sent)).containsEntry("status", "DONE");
        assertThat(outboxRow(refused)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) outboxRow(refused).get("last_error")).contains("risposta non leggibile").contains("text/html");
        assertThat(run.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(run.errors()).anySatisfy(e -> assertThat(e).contains("order " + refused).contains("risposta non leggibile"));

        SyncRun next = sync.run(SyncMode.CHANGED);

        assertThat(next.errors()).noneMatch(e -> e.contains("Mailchimp"));
        assertThat(mailchimpOrder(refused)).isPresent();
        assertThat(outboxRow(refused)).containsEntry("status", "DONE");
        assertThat(mailchimp.store(properties.storeId()).orElseThrow().orderCount()).isEqualTo(2);
    }
}
