package it.ponte.benchmark;

import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.amazon.RecordedRequest;
import it.ponte.sandbox.amazon.SandboxAddress;
import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Throughput of Ponte on this machine beside the raw limit measured in the same run (issue 9's P1-P5): N Amazon orders
 * (sandbox without rate limits, client pacing off) through a PARTIAL run (poll, import, ERP insert, Amazon outbound,
 * Mailchimp), the raw limit for the same work ({@link RawLimit}), a CHANGED run with nothing changed (time and the SQL
 * statements the server counted), a CHANGED run after every ERP document moved (state diff, Mailchimp writes per
 * changed order, the most Mailchimp calls in flight at once), a TOTAL run; the Amazon calls and 429s of the import and
 * the peak heap; then (P6) the order-history manual sync of the newest {@code benchmark.backfill.orders} orders (default
 * 5,000) with the sandbox Mailchimp answering in 200 ms per call, against the bound of 10 connections / 0.2 s. Every buyer
 * is a member of the sandbox Mailchimp's list, so the Mailchimp phase sends them (P4). Prints a table with each target and whether it was met, and writes it to target/benchmark.md. Asserts
 * only that the orders arrived. Run with {@code ./mvnw verify -Pbenchmark -Dbenchmark.orders=10000}; the peak heap
 * with {@code -Dponte.test.jvm-args=-Xmx256m}.
 */
@Tag("benchmark")
@TestPropertySource(properties = {"ponte.amazon.client.rate-limited=false", "ponte.amazon.polling.page-size=100",
        "ponte.amazon.polling.max-pages=100000", "spring.jmx.enabled=false", "ponte.amazon.polling.time-budget=3600s"})
@org.apache.camel.test.spring.junit5.DisableJmx
class SyncBenchmarkTest extends SyncTestBase {

    @Autowired
    private SandboxMailchimpState mailchimp;
    @Autowired
    private it.ponte.sandbox.mailchimp.SandboxMailchimpFaults mailchimpFaults;
    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void importInsertAndDiffThroughput() {
        int orders = Integer.getInteger("benchmark.orders", 2000);
        amazon.rateLimiter().configure(false, 1);
        // a fresh simulated Mailchimp whose list holds every buyer: the run's Mailchimp phase sends them all (P4)
        mailchimp.reset();
        mailchimpFaults.reset();
        for (int i = 0; i < orders; i++) {
            mailchimp.putMember("bench" + i + "@marketplace.amazon.it", "subscribed");
        }
        Instant base = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < orders; i++) {
            Instant at = base.plusSeconds(i % 7200);
            amazon.addOrder(new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, null, "Cliente Bench" + i,
                    "bench" + i + "@marketplace.amazon.it",
                    new SandboxAddress("Cliente Bench" + i, "Via Prova " + i, null, "Padova", "PD", "35100", "IT", null),
                    List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 1, new BigDecimal("24.50")),
                            new NewOrder.Item("PONTE-CAF-1000", "Caffè macinato 1 kg", 2, new BigDecimal("14.90"))),
                    new BigDecimal("4.90"), at, at));
        }
        // as long as the orders need, not the tests' fixed 90 s: 90 s plus 50 ms an order (10,000 orders: 590 s)
        Duration atMost = Duration.ofSeconds(90).plusMillis(50L * orders);

        // P1 (and P2, P5): the import of every order, with the ERP insert, in one PARTIAL run
        int amazonBefore = amazon.requests().all().size();
        int mailchimpBeforePartial = mailchimp.requests().size();
        mailchimp.resetPeakConcurrent();
        System.gc();
        resetPeakHeap();
        Map<String, Long> sqlBefore = serverStatus();
        SyncRun partial = sync.run(SyncMode.PARTIAL, atMost);
        Map<String, Long> sqlPartial = delta(sqlBefore, serverStatus());
        long peakHeap = peakHeap();
        List<RecordedRequest> amazonCalls = amazon.requests().all().stream().skip(amazonBefore).toList();
        long searchPages = amazonCalls.stream().filter(r -> r.path().endsWith("/orders")).count();
        long perOrderCalls = amazonCalls.stream().filter(r -> r.path().matches(".*/orders/[^/]+$")).count();
        long refused = amazonCalls.stream().filter(r -> r.status() == 429).count();
        int stored = shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE status = 'STORED'", Map.of(), Integer.class);
        // what is first sent: each buyer, each order, each product of the shop's catalogue
        int products = shopJdbc.queryForObject("SELECT COUNT(*) FROM product", Map.of(), Integer.class);
        int firstEntities = stored * 2 + products;
        RawLimit raw = RawLimit.measure(baseUrl(), shopJdbc.getJdbcTemplate(), orders);

        // P3: a CHANGED run after the one that settles the new orders' first Mailchimp sends: nothing changed
        SyncRun settle = sync.run(SyncMode.CHANGED, atMost);
        // the new buyers, orders and products first sent (by the PARTIAL run, or the CHANGED run after it)
        long firstWrites = writes(mailchimp.requests().stream().skip(mailchimpBeforePartial)
                .filter(c -> c.matches("\\S+ /ecommerce/stores/[^/]+/(customers|products|orders)(/.*)?")).toList());
        int partialPeak = mailchimp.peakConcurrent();
        Map<String, Long> sqlBeforeQuiet = serverStatus();
        SyncRun quiet = sync.run(SyncMode.CHANGED, atMost);
        Map<String, Long> sqlQuiet = delta(sqlBeforeQuiet, serverStatus());

        // P4: every ERP document moved on: the state diff follows them all, Mailchimp hears of every order once
        erpJdbc.update("UPDATE erp_document SET status = 'DELIVERED' WHERE MOD(id, 2) = 0", Map.of());
        int mailchimpBefore = mailchimp.requests().size();
        mailchimp.resetPeakConcurrent();
        SyncRun changed = sync.run(SyncMode.CHANGED, atMost);
        List<String> mailchimpCalls = mailchimp.requests().stream().skip(mailchimpBefore).toList();
        long mailchimpWrites = writes(mailchimpCalls);
        long mailchimpRefused = mailchimpCalls.stream().filter(c -> c.startsWith("REFUSED")).count();
        int peakConnections = Math.max(partialPeak, mailchimp.peakConcurrent());
        int delivered = shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE status = 'DELIVERED'", Map.of(), Integer.class);
        SyncRun total = sync.run(SyncMode.TOTAL, atMost);

        // P6: the order history sent again by the manual sync, Mailchimp answering in 200 ms with its 10-connection limit
        int backfill = Math.min(stored, Integer.getInteger("benchmark.backfill.orders", 5000));
        java.sql.Timestamp backfillSince = shopJdbc.queryForObject("SELECT order_date FROM shop_order WHERE status IN ('STORED', 'DELIVERED') "
                + "ORDER BY order_date DESC LIMIT 1 OFFSET " + (backfill - 1), Map.of(), java.sql.Timestamp.class);
        mailchimpFaults.latency(200);
        mailchimp.resetPeakConcurrent();
        int mailchimpBeforeBackfill = mailchimp.requests().size();
        long backfillRunId;
        try {
            backfillRunId = json.readTree(it.ponte.Http.postJson(baseUrl() + "/api/mailchimp/sync/orders?since="
                    + backfillSince.toInstant(), "").body()).path("runId").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SyncRun backfillRun = sync.awaitEnd(backfillRunId, Duration.ofSeconds(120).plusMillis(40L * backfill));
        mailchimpFaults.latency(0);
        List<String> backfillCalls = mailchimp.requests().stream().skip(mailchimpBeforeBackfill).toList();
        long backfillOrders = backfillCalls.stream().filter(c -> c.matches("(POST|PATCH) /ecommerce/stores/[^/]+/orders(/[^/]+)?")).count();
        long backfillAllCalls = backfillCalls.size();
        int backfillPeak = mailchimp.peakConcurrent();
        double backfillSeconds = seconds(backfillRun);
        double backfillRate = backfillOrders / backfillSeconds;

        double p1 = seconds(partial);
        double ordersPerSecond = stored / p1;
        double ratio = p1 / raw.total();
        StringBuilder t = new StringBuilder();
        t.append(String.format("=== Ponte benchmark: %d Amazon orders of 2 rows + shipping; %d cores, %s, max heap %d MB ===%n", orders,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), Runtime.getRuntime().maxMemory() >> 20));
        t.append(String.format("| figure | measured | target | verdict |%n| --- | --- | --- | --- |%n"));
        t.append(String.format("| P1 PARTIAL run (poll + import + ERP insert + outbound + Mailchimp) | %d orders in %.1f s: %.0f orders/s; "
                        + "phases (ms) %s | >= 1,000 orders/s | %s |%n", stored, p1, ordersPerSecond, phases(partial),
                ordersPerSecond >= 1000 ? "met" : String.format("missed by %.0f orders/s", 1000 - ordersPerSecond)));
        t.append(String.format("| P1 raw limit, same work (plain HTTP client for the same pages + plain batched JDBC) | %.2f s (pages %.2f s, "
                        + "rows %.2f s) | - | - |%n", raw.total(), raw.fetchSeconds(), raw.writeSeconds()));
        t.append(String.format("| P1 Ponte / raw | %.1f | <= 2 | %s |%n", ratio, ratio <= 2 ? "met" : String.format("missed by %.1f", ratio - 2)));
        t.append(String.format("| P1 SQL the server counted in the PARTIAL run | %s; %.1f statements per order | - | - |%n",
                sqlPartial, sqlPartial.getOrDefault("Questions", 0L) / (double) Math.max(1, stored)));
        // full pages of 100, and the window's last page (which may come back empty)
        long pagesNeeded = (stored + 99) / 100 + 1;
        t.append(String.format("| P2 Amazon calls per 100 imported orders | %.2f searchOrders pages, %d per-order calls (%d pages in all) | "
                        + "1 page, no per-order call | %s |%n", searchPages * 100.0 / Math.max(1, stored), perOrderCalls, searchPages,
                searchPages <= pagesNeeded && perOrderCalls == 0 ? "met (the last page of the window comes back empty)"
                        : String.format("missed: %d pages for %d needed, %d per-order calls", searchPages, pagesNeeded, perOrderCalls)));
        t.append(String.format("| P2 429s received (sandbox rate limits off) | %d | none after the first | %s |%n", refused,
                refused <= 1 ? "met" : "missed"));
        t.append(String.format("| P3 CHANGED run, nothing changed, %d orders stored | %.3f s; SQL %s | <= 100 ms, same statements at any size "
                        + "| %s |%n", stored, seconds(quiet), sqlQuiet, seconds(quiet) <= 0.1 ? "time met (sizes not compared)"
                        : String.format("missed by %.0f ms", seconds(quiet) * 1000 - 100)));
        t.append(String.format("| P4 Mailchimp writes per changed order (%d orders delivered) | %.2f (%d writes, %d refused) | <= 1 | %s |%n",
                delivered, mailchimpWrites / (double) Math.max(1, delivered), mailchimpWrites, mailchimpRefused,
                mailchimpWrites == 0 ? "not measured: the benchmark's Amazon buyers are not audience members, so Mailchimp is told nothing"
                        : mailchimpWrites <= delivered ? "met"
                        : String.format("missed by %.2f", (mailchimpWrites - delivered) / (double) Math.max(1, delivered))));
        t.append(String.format("| P4 Mailchimp writes per entity first sent by the PARTIAL run and the CHANGED run after it (%d buyers, %d orders, %d products) | %.4f "
                        + "(%d writes) | <= 1 | %s |%n", stored, stored, products, firstWrites / (double) Math.max(1, firstEntities), firstWrites,
                firstWrites <= firstEntities ? "met" : String.format("missed by %.4f (%d writes)", (firstWrites - firstEntities) / (double) firstEntities,
                        firstWrites - firstEntities)));
        t.append(String.format("| P4 most Mailchimp calls in flight at once | %d | <= 10 | %s |%n", peakConnections,
                mailchimpWrites == 0 ? "not measured (no writes, see above)" : peakConnections <= 10 ? "met" : "missed"));
        t.append(String.format("| P5 peak heap during the PARTIAL run (sandbox's %d orders in the same JVM) | %d MB of %d MB | completes with "
                        + "-Xmx256m | %s |%n", orders, peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().maxMemory() <= (256L << 20) + (16L << 20) ? "met: completed with this max heap" : "run with -Dponte.test.jvm-args=-Xmx256m"));
        t.append(String.format("| P6 Mailchimp order-history backfill, 200 ms a call, 10 connections | %d orders in %.1f s: %.1f orders/s "
                        + "= %.0f %% of the bound of 50 calls/s (%d calls, %.1f calls/s; at most %d in flight) | >= 90 %% | %s |%n",
                backfillOrders, backfillSeconds, backfillRate, backfillRate / 50 * 100, backfillAllCalls, backfillAllCalls / backfillSeconds,
                backfillPeak, backfillRate >= 45 ? "met" : String.format("missed by %.0f points", 90 - backfillRate / 50 * 100)));
        t.append(String.format("runs (s): PARTIAL %.1f, CHANGED settling Mailchimp %.1f, CHANGED nothing changed %.3f, CHANGED %d delivered %.1f "
                + "(state diff %.2f), TOTAL %.1f%n", p1, seconds(settle), seconds(quiet), delivered, seconds(changed),
                changed.counts().getOrDefault("phase.STATE_DIFF.ms", 0) / 1000.0, seconds(total)));
        t.append(String.format("phases (ms) CHANGED settling %s%nphases (ms) CHANGED quiet %s%nphases (ms) CHANGED delivered %s%nphases (ms) TOTAL %s%n",
                phases(settle), phases(quiet), phases(changed), phases(total)));
        System.out.printf("%n%s%n", t);
        writeTable(t.toString());
        org.assertj.core.api.Assertions.assertThat(stored).isEqualTo(orders);
    }

    private static long writes(List<String> calls) {
        return calls.stream().filter(c -> c.startsWith("POST") || c.startsWith("PATCH") || c.startsWith("PUT") || c.startsWith("DELETE")).count();
    }

    /** What the database server counted (all its clients: Ponte's pools and the sandbox's; the benchmark's own reads add a few). */
    private Map<String, Long> serverStatus() {
        Map<String, Long> status = new LinkedHashMap<>();
        shopJdbc.getJdbcTemplate().query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_select', 'Com_insert', "
                + "'Com_update', 'Com_delete', 'Com_commit', 'Com_stmt_execute')", rs -> {
            status.put(rs.getString(1), rs.getLong(2));
        });
        return status;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }

    private static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** The table also goes to target/benchmark.md, for the README. */
    private static void writeTable(String table) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "benchmark.md"), table);
        } catch (java.io.IOException e) {
            System.out.println("benchmark table not written: " + e.getMessage());
        }
    }

    private static Map<String, Integer> phases(SyncRun run) {
        Map<String, Integer> phases = new java.util.TreeMap<>();
        run.counts().forEach((k, v) -> {
            if (k.startsWith("phase.")) {
                phases.put(k.substring(6, k.length() - 3), v);
            }
        });
        return phases;
    }

    private static double seconds(SyncRun run) {
        return Math.max(0.001, Duration.between(run.startedAt(), run.endedAt()).toMillis() / 1000.0);
    }
}
