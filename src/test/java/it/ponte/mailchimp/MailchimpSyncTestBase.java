package it.ponte.mailchimp;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import it.ponte.PonteIntegrationTest;
import it.ponte.TestDatabases;
import it.ponte.sandbox.mailchimp.SandboxMailchimpFaults;
import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Runs the Mailchimp phase for real against the sandbox, on a clean shop database and a fresh simulated Mailchimp. */
abstract class MailchimpSyncTestBase extends PonteIntegrationTest {

    @Autowired
    ProducerTemplate producer;
    @Autowired
    MailchimpProperties properties;
    @Autowired
    SandboxMailchimpState sandbox;
    @Autowired
    SandboxMailchimpFaults faults;
    @Autowired
    it.ponte.sandbox.mail.SandboxMailServer smtp;

    @Autowired
    CircuitBreaker mailchimpCircuitBreaker;

    ShopFixture shop;

    @BeforeEach
    void cleanSlate() {
        TestDatabases.truncateAll(shopJdbc, List.of("sync_lock", "amazon_account"));
        sandbox.reset();
        faults.reset();
        smtp.purge();
        mailchimpCircuitBreaker.reset();
        shop = new ShopFixture(shopJdbc);
    }

    @AfterEach
    void closeCircuit() {
        // one circuit for the whole Spring context: a test that opened it must not cut Mailchimp off for the next
        mailchimpCircuitBreaker.reset();
    }

    /** What the circuit's open-for wait does with time: it lets one call try again (half-open). */
    void openForElapses() {
        if (mailchimpCircuitBreaker.getState() == CircuitBreaker.State.OPEN) {
            mailchimpCircuitBreaker.transitionToHalfOpenState();
        }
    }

    MailchimpReport sync(String mode) {
        return sync(mode, null);
    }

    MailchimpReport sync(String mode, Instant since) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("syncRunId", 1L);
        headers.put("syncMode", mode);
        headers.put("mailchimpReportMail", "false");
        if (since != null) {
            headers.put("since", since);
        }
        return producer.requestBodyAndHeaders("direct:mailchimp-sync", null, headers, MailchimpReport.class);
    }

    /** A list member's cart of one row, the shape the abandoned-cart tests start from. */
    long memberCart() {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        shop.product("SKU-1", "10.00");
        long cart = shop.cart(customer);
        shop.cartRow(cart, "SKU-1", 1, "10.00");
        return cart;
    }

    SandboxMailchimpState.Store store() {
        return sandbox.store(properties.storeId()).orElseThrow();
    }

    long postsOf(String path) {
        return sandbox.requests().stream().filter(r -> r.equals("POST /ecommerce/stores/" + properties.storeId() + path)).count();
    }
}
