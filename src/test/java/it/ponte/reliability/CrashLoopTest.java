package it.ponte.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.db.DataSourcesConfig.DatabaseLocations;
import it.ponte.mailchimp.MailchimpProperties;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.amazon.SandboxAddress;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sandbox.mailchimp.SandboxMailchimpFaults;
import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import it.ponte.sync.SyncOutcome;
import it.ponte.sync.SyncRun;
import it.ponte.sync.SyncRuns;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10, crashes: a Ponte node in its own JVM (on this test's database and simulators) is killed with SIGKILL at a
 * random moment of a run, again and again, and started again each time. The restarted node closes the run its
 * previous life left open and takes the lock at once (well within the lease); at the end every Amazon order is in the
 * shop and the ERP exactly once and every eligible order in Mailchimp once. Prints the recovery time per crash: from
 * the kill to the restarted node's first run started (the JVM's start included).
 * <p>
 * Size: {@code -Dcrash.orders=5000 -Dcrash.kills=10} (default 200 orders, 3 kills, for the suite's time budget).
 */
@Timeout(1800)
@org.apache.camel.test.spring.junit5.DisableJmx
// the faults test's context: one Spring context for both (the node under test is a JVM of its own anyway)
@org.springframework.test.context.TestPropertySource(properties = {ReliabilityContext.AMAZON_TIMEOUT, ReliabilityContext.MAILCHIMP_TIMEOUT, ReliabilityContext.AMAZON_PAGES,
        ReliabilityContext.NO_JMX, ReliabilityContext.UNCONFIRMED_FEED_GRACE})
class CrashLoopTest extends SyncTestBase {

    private static final int ORDERS = Integer.getInteger("crash.orders", 200);
    private static final int KILLS = Integer.getInteger("crash.kills", 3);
    private static final long SEED = Long.getLong("crash.seed", 5000L);
    private static final String NODE = "crash-node";
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Autowired
    DatabaseLocations databases;
    @Autowired
    SyncRuns runs;
    @Autowired
    SandboxMailchimpState mailchimp;
    @Autowired
    SandboxMailchimpFaults mailchimpFaults;
    @Autowired
    MailchimpProperties mailchimpProperties;

    private final Random random = new Random(SEED);
    private final ObjectMapper json = new ObjectMapper();
    private final List<SandboxOrder> orders = new ArrayList<>();
    private final Set<String> members = new HashSet<>();

    @Test
    void aNodeKilledAtRandomMomentsOfItsRunsIsTakenOverAndNothingIsLostOrDuplicated() throws Exception {
        mailchimp.reset();
        mailchimpFaults.reset();
        shopJdbc.update("INSERT IGNORE INTO product (sku, title, price) VALUES ('PONTE-MOKA-3', 'Moka in alluminio 3 tazze', 24.50)", Map.of());
        shopJdbc.update("INSERT IGNORE INTO product (sku, title, price) VALUES ('PONTE-CAF-1000', 'Caffè macinato 1 kg', 14.90)", Map.of());
        int perBatch = Math.max(1, ORDERS / KILLS);

        List<String> recoveries = new ArrayList<>();
        int killedMidRun = 0;
        int port = freePort();
        ChildJvm node = startNode(port);
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                ordersArrive(kill == KILLS ? ORDERS - orders.size() : perBatch);
                long runId = launch(port);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> runs.find(runId).map(r -> r.phase() != null).orElse(false));
                // somewhere in the run: its length grows with the batch (about 15 ms an order on 2 loaded cores)
                Thread.sleep(150 + random.nextInt(Math.max(2500, perBatch * 15)));
                node.killHard();
                long killed = System.nanoTime();
                // read after the kill: nothing can finish the run any more
                boolean midRun = runs.find(runId).orElseThrow().running();
                String phase = runs.find(runId).orElseThrow().phase();
                if (midRun) {
                    killedMidRun++;
                }

                port = freePort();
                node = startNode(port);
                long restarted = System.nanoTime();
                long next = launch(port);
                long recovered = System.nanoTime();
                SyncRun dead = runs.find(runId).orElseThrow();
                assertThat(dead.running()).as("the killed node's run %d is closed by its restart", runId).isFalse();
                if (midRun) {
                    assertThat(dead.outcome()).isEqualTo(SyncOutcome.FAILED);
                    assertThat(dead.reason()).contains("ripartito");
                }
                Duration recovery = Duration.ofNanos(recovered - killed);
                assertThat(recovery).as("the restarted node took over within the lease").isLessThan(LEASE);
                recoveries.add(String.format("crash %d (%s, phase %s): %.1f s (JVM start %.1f s, lock taken %.2f s after start)", kill,
                        midRun ? "mid-run" : "between runs", phase, recovery.toMillis() / 1000.0, (restarted - killed) / 1e9,
                        (recovered - restarted) / 1e9));
                awaitEnd(next);
            }
            // one more run finishes whatever the last killed run left
            awaitEnd(launch(port));
            node.stopGracefully(Duration.ofSeconds(60));
        } finally {
            node.close();
        }

        // every Amazon order exactly once in the shop and the ERP
        assertThat(count("SELECT COUNT(*) FROM shop_order WHERE origin = 'AMAZON'")).as("shop orders, lost 0 duplicated 0").isEqualTo(orders.size());
        assertThat(count("SELECT COUNT(DISTINCT amazon_order_id) FROM shop_order WHERE origin = 'AMAZON'")).isEqualTo(orders.size());
        assertThat(count("SELECT COUNT(*) FROM shop_order WHERE origin = 'AMAZON' AND status <> 'STORED'")).as("all in the ERP").isZero();
        List<String> imported = shopJdbc.queryForList("SELECT amazon_order_id FROM shop_order WHERE origin = 'AMAZON'", Map.of(), String.class);
        assertThat(imported).containsExactlyInAnyOrderElementsOf(orders.stream().map(SandboxOrder::orderId).toList());
        assertThat(erpJdbc.queryForObject("SELECT COUNT(*) FROM erp_document", Map.of(), Integer.class)).as("ERP documents").isEqualTo(orders.size());
        assertThat(erpJdbc.queryForObject("SELECT COUNT(DISTINCT idempotency_ref) FROM erp_document", Map.of(), Integer.class)).isEqualTo(orders.size());
        int rows = erpJdbc.queryForObject("SELECT COUNT(*) FROM erp_row r JOIN erp_document d ON d.id = r.document_id", Map.of(), Integer.class);
        int expectedRows = erpJdbc.queryForObject("SELECT COUNT(*) FROM erp_row", Map.of(), Integer.class);
        assertThat(rows).as("no ERP row without its document").isEqualTo(expectedRows);
        // every member's order once in Mailchimp
        SandboxMailchimpState.Store store = mailchimp.store(mailchimpProperties.storeId()).orElseThrow();
        List<Long> memberOrders = shopJdbc.queryForList("""
                SELECT o.id FROM shop_order o JOIN customer c ON c.id = o.customer_id WHERE o.origin = 'AMAZON' AND c.email IN (:emails)""",
                Map.of("emails", members), Long.class);
        assertThat(memberOrders).hasSize(members.size());
        assertThat(memberOrders).allSatisfy(id -> assertThat(store.order(String.valueOf(id))).as("Mailchimp order %d", id).isPresent());
        assertThat(store.orderCount()).as("Mailchimp orders: the members' and no other").isEqualTo(members.size());
        assertThat(count("SELECT COUNT(*) FROM sync_run WHERE ended_at IS NULL")).as("no run left open").isZero();

        System.out.println("RELIABILITY: crashes - " + KILLS + " kill -9 of a node (" + killedMidRun + " mid-run) over " + orders.size()
                + " Amazon orders; recovery per crash: " + String.join("; ", recoveries) + "; lease " + LEASE.toSeconds() + " s; "
                + orders.size() + " orders in shop and ERP once, " + members.size() + " in Mailchimp once: lost 0, duplicated 0");
    }

    private void ordersArrive(int count) {
        Instant base = Instant.now().minus(270, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            int n = orders.size();
            Instant at = base.plusSeconds(i % 60);
            String email = "crash" + n + "-" + SEED + "@marketplace.amazon.it";
            orders.add(amazon.addOrder(new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, null, "Cliente Crash" + n, email,
                    new SandboxAddress("Cliente Crash" + n, "Via del Crash " + n, null, "Torino", "TO", "10121", "IT", null),
                    List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 1, new BigDecimal("24.50")),
                            new NewOrder.Item("PONTE-CAF-1000", "Caffè macinato 1 kg", 2, new BigDecimal("14.90"))),
                    new BigDecimal("4.90"), at, at)));
            if (n % 3 == 0) {
                mailchimp.putMember(email, "subscribed");
                members.add(email);
            }
        }
    }

    /** A Ponte node in its own JVM: this test's databases and simulators, its own name, port and (unused) SMTP server. */
    private ChildJvm startNode(int port) throws Exception {
        // its start is most of the recovery time measured here
        ChildJvm node = ChildJvm.ponteNode(databases, baseUrl(), NODE, port,
                "--ponte.amazon.polling.page-size=100");
        try {
            node.await(l -> l.contains("Started PonteApplication"), Duration.ofSeconds(180));
        } catch (AssertionError | InterruptedException e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** Starts a CHANGED run on the node over its REST API; the lock must be free (the node restarted frees its own). */
    private long launch(int port) throws Exception {
        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sync"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"CHANGED\"}")).build());
        assertThat(answer.statusCode()).as("run started: %s", answer.body()).isEqualTo(202);
        return json.readTree(answer.body()).path("runId").asLong();
    }

    private void awaitEnd(long runId) {
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> runs.find(runId).map(r -> !r.running()).orElse(false));
    }

    private int count(String sql) {
        return shopJdbc.getJdbcTemplate().queryForObject(sql, Integer.class);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
