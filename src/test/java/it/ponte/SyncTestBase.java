package it.ponte;

import it.ponte.amazon.AmazonProperties;
import it.ponte.amazon.LwaTokenProvider;
import it.ponte.sandbox.amazon.AmazonSandbox;
import it.ponte.sandbox.mail.SandboxMailServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** A clean shop, ERP and sandbox before every test of the sync engine. */
public abstract class SyncTestBase extends PonteIntegrationTest {

    protected static final List<String> KEEP = List.of("sync_lock", "amazon_account", "product", "product_variant", "shipping_method");

    @Autowired
    protected AmazonSandbox amazon;
    @Autowired
    protected SandboxMailServer mail;
    @Autowired
    protected SyncRunner sync;
    @Autowired
    protected it.ponte.amazon.SpApiRateLimiter spApiRateLimiter;
    @Autowired
    protected AmazonProperties amazonProperties;
    @Autowired
    protected LwaTokenProvider lwaTokens;

    @Autowired
    protected io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry remoteCircuitBreakerRegistry;

    protected OrderFixtures fixtures;

    /** What ponte.remote.circuit.open-for and a good trial call do with time: Amazon's circuit closed again. */
    protected void amazonCircuitOpenForElapsed() {
        remoteCircuitBreakerRegistry.circuitBreaker(it.ponte.remote.RemoteCircuits.AMAZON).reset();
    }

    /** A test that found a remote down must not leave its circuit open for the next one (they share one context). */
    @org.junit.jupiter.api.AfterEach
    void closeCircuits() {
        remoteCircuitBreakerRegistry.getAllCircuitBreakers().forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);
    }

    @BeforeEach
    void cleanSystems() {
        TestDatabases.truncateAll(shopJdbc, KEEP);
        TestDatabases.truncateAll(erpJdbc, List.of());
        shopJdbc.getJdbcTemplate().update("UPDATE amazon_account SET watermark = NULL");
        amazon.reset();
        // Ponte's own pacing starts afresh too: a 429 of an earlier test empties a bucket another test relies on
        spApiRateLimiter.reset();
        closeCircuits();
        amazon.rateLimiter().configure(true, 1000);
        amazonProperties.accounts().forEach(a -> lwaTokens.invalidate(a.id()));
        mail.purge();
        fixtures = new OrderFixtures(shopJdbc, erpJdbc, amazon);
    }
}
