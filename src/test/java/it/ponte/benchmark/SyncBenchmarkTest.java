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
 * with {@code -Dponte.test.jvm-args=-Xmx256m}. With {@code -Dbenchmark.large.orders=100000} P3 and P5 are measured again
 * at that size (see {@link #large}), and P6 runs over up to that many orders.
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

    @Autowired
    private it.ponte.db.DataSourcesConfig.DatabaseLocations databases;
    @Autowired
    private it.ponte.sync.SyncRuns runs;

    @Test
    void importInsertAndDiffThroughput() throws Exception {
        int orders = Integer.getInteger("benchmark.orders", 2000);
        amazon.rateLimiter().configure(false, 1);
        // a fresh simulated Mailchimp whose list holds every buyer: the run's Mailchimp phase sends them all (P4)
        mailchimp.reset();
        mailchimpFaults.reset();
        Instant base = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        // as long as the orders need, not the tests' fixed 90 s: 90 s plus 50 ms an order (10,000 orders: 590 s)
        Duration atMost = Duration.ofSeconds(90).plusMillis(50L * orders);
        // Ponte runs in a long-lived JVM, one run after another: the figures are of a run after a first one, as the raw
        // limit's are of a pass after a first (benchmark.warmup.orders other orders, 0 for none; the first run's figure is printed too)
        int warmupOrders = Integer.getInteger("benchmark.warmup.orders", orders);
        SyncRun warmup = warmUp(base, warmupOrders, atMost);
        addOrders(base, 0, orders);
        int storedBefore = shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE status = 'STORED'", Map.of(), Integer.class);

        // P1 (and P2, P5): the import of every order, with the ERP insert, in one PARTIAL run
        int amazonBefore = amazon.requests().all().size();
        int mailchimpBeforePartial = mailchimp.requests().size();
        mailchimp.resetPeakConcurrent();
        System.gc();
        resetPeakHeap();
        Map<String, Long> shopTablesBefore = SameTablesRawWrite.counts(shopJdbc.getJdbcTemplate());
        Map<String, Long> erpTablesBefore = SameTablesRawWrite.counts(erpJdbc.getJdbcTemplate());
        Map<String, Long> sqlBefore = serverStatus();
        CpuUse cpuBefore = CpuUse.now();
        SyncRun partial = sync.run(SyncMode.PARTIAL, atMost);
        CpuUse cpuPartial = CpuUse.now().since(cpuBefore);
        Map<String, Long> sqlPartial = delta(sqlBefore, serverStatus());
        long peakHeap = peakHeap();
        List<RecordedRequest> amazonCalls = amazon.requests().all().stream().skip(amazonBefore).toList();
        long searchPages = amazonCalls.stream().filter(r -> r.path().endsWith("/orders")).count();
        long perOrderCalls = amazonCalls.stream().filter(r -> r.path().matches(".*/orders/[^/]+$")).count();
        long refused = amazonCalls.stream().filter(r -> r.status() == 429).count();
        int storedAll = shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE status = 'STORED'", Map.of(), Integer.class);
        int stored = storedAll - storedBefore;
        // what is first sent: each buyer, each order, each product of the shop's catalogue
        int products = shopJdbc.queryForObject("SELECT COUNT(*) FROM product", Map.of(), Integer.class);
        int firstEntities = stored * 2 + products;
        // a first pass, then the measured one: the raw limit's own code as warm as Ponte's
        RawLimit.measure(baseUrl(), shopJdbc.getJdbcTemplate(), orders);
        CpuUse cpuRawBefore = CpuUse.now();
        RawLimit raw = RawLimit.measure(baseUrl(), shopJdbc.getJdbcTemplate(), orders);
        CpuUse cpuRaw = CpuUse.now().since(cpuRawBefore);
        // the rows the run itself wrote, written again into copies of its own tables: the schemas' share of the cost
        SameTablesRawWrite.Result sameTables = SameTablesRawWrite.measure(shopJdbc.getJdbcTemplate(), shopTablesBefore)
                .plus(SameTablesRawWrite.measure(erpJdbc.getJdbcTemplate(), erpTablesBefore));
        if (Boolean.getBoolean("benchmark.p1-only")) {
            // a quick look at P1 alone while tuning (-Dbenchmark.p1-only=true): no table, no other figure
            System.out.printf("BENCHMARK P1 only: %s; %d orders in %.2f s (%.0f orders/s), phases (ms) %s; raw %.2f s (pages %.2f s, rows %.2f s), "
                            + "Ponte / raw %.2f; with the run's own tables %.2f s, Ponte / this %.2f; SQL %s; CPU of the run %s; of the raw limit %s%n",
                    warmedUp(warmup, warmupOrders), stored, seconds(partial),
                    stored / seconds(partial), phases(partial), raw.total(), raw.fetchSeconds(), raw.writeSeconds(), seconds(partial) / raw.total(),
                    raw.fetchSeconds() + sameTables.seconds(), seconds(partial) / (raw.fetchSeconds() + sameTables.seconds()), sqlPartial,
                    cpuPartial, cpuRaw);
            return;
        }

        // P3: a CHANGED run after the one that settles the new orders' first Mailchimp sends: nothing changed
        SyncRun settle = sync.run(SyncMode.CHANGED, atMost);
        // the new buyers, orders and products first sent (by the PARTIAL run, or the CHANGED run after it)
        long firstWrites = writes(mailchimp.requests().stream().skip(mailchimpBeforePartial)
                .filter(c -> c.matches("\\S+ /ecommerce/stores/[^/]+/(customers|products|orders)(/.*)?")).toList());
        int partialPeak = mailchimp.peakConcurrent();
        Quiet quietRuns = quiet(atMost);
        SyncRun quiet = quietRuns.run();
        Map<String, Long> sqlQuiet = quietRuns.sql();

        // P4: every ERP document moved on: the state diff follows them all, Mailchimp hears of every order once
        erpJdbc.update("UPDATE erp_document SET status = 'DELIVERED' WHERE MOD(id, 2) = 0", Map.of());
        int mailchimpBefore = mailchimp.requests().size();
        mailchimp.resetPeakConcurrent();
        SyncRun changed = sync.run(SyncMode.CHANGED, atMost);
        List<String> mailchimpCalls = mailchimp.requests().stream().skip(mailchimpBefore).toList();
        long mailchimpWrites = writes(mailchimpCalls);
        long mailchimpRefused = mailchimpCalls.stream().filter(c -> c.startsWith("REFUSED")).count();
        int peakConnections = Math.max(partialPeak, mailchimp.peakConcurrent());
        // the orders Mailchimp hears of: the measured buyers' (list members), not the warm-up's (not members: nothing to send)
        int delivered = shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order o JOIN customer c ON c.id = o.customer_id "
                + "WHERE o.status = 'DELIVERED' AND c.email LIKE 'bench%'", Map.of(), Integer.class);
        SyncRun total = sync.run(SyncMode.TOTAL, atMost);

        System.out.printf("BENCHMARK %s P3 at %d orders: CHANGED nothing changed %.3f s, SQL %s (three runs: %s)%n", Instant.now(), storedAll,
                quietRuns.seconds(), sqlQuiet, quietRuns.all());

        // P3 and P5 at a larger size (benchmark.large.orders, e.g. 100000): the sandbox holds that many orders, a Ponte
        // node in a JVM of its own with -Xmx256m imports them (P5: its heap, not the sandbox's), then the same quiet CHANGED run
        int large = Integer.getInteger("benchmark.large.orders", 0);
        Large big = large > orders ? large(base, orders, large) : null;
        int storedNow = big == null ? storedAll
                : shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE status IN ('STORED', 'DELIVERED')", Map.of(), Integer.class);

        // P6: the order history sent again by the manual sync, Mailchimp answering in 200 ms with its 10-connection limit
        int backfill = Math.min(storedNow, Integer.getInteger("benchmark.backfill.orders", 5000));
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
        System.out.printf("BENCHMARK %s P6 over %d orders: %d orders in %.1f s, %.1f orders/s = %.0f %% of 50 calls/s (%d calls, at most %d in flight)%n",
                Instant.now(), backfill, backfillOrders, backfillSeconds, backfillRate, backfillRate / 50 * 100, backfillAllCalls, backfillPeak);

        double p1 = seconds(partial);
        double ordersPerSecond = stored / p1;
        double ratio = p1 / raw.total();
        StringBuilder t = new StringBuilder();
        t.append(String.format("=== Ponte benchmark: %d Amazon orders of 2 rows + shipping; %d cores, %s, max heap %d MB ===%n", orders,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), Runtime.getRuntime().maxMemory() >> 20));
        t.append(String.format("| figure | measured | target | verdict |%n| --- | --- | --- | --- |%n"));
        t.append(String.format("| P1 PARTIAL run (poll + import + ERP insert + outbound + Mailchimp), %s | %d orders in %.1f s: %.0f orders/s; "
                        + "phases (ms) %s | >= 1,000 orders/s | %s |%n", warmedUp(warmup, warmupOrders), stored, p1, ordersPerSecond, phases(partial),
                ordersPerSecond >= 1000 ? "met" : String.format("missed by %.0f orders/s", 1000 - ordersPerSecond)));
        double sameTablesTotal = raw.fetchSeconds() + sameTables.seconds();
        double sameRowsRatio = p1 / sameTablesTotal;
        t.append(String.format("| P1 raw limit, same work: the same searchOrders pages (%d in the run) fetched by a plain HTTP client, and the same %d rows the run "
                        + "left in %d tables of the shop and the ERP (the ERP's change log included) written by plain batched JDBC into copies "
                        + "with the same columns and keys (no triggers, no foreign keys) | %.2f s (pages %.2f s, rows %.2f s) | - | - |%n",
                searchPages, sameTables.rows(), sameTables.tables().size(), sameTablesTotal, raw.fetchSeconds(), sameTables.seconds()));
        t.append(String.format("| P1 Ponte / raw | %.2f | <= 2 | %s |%n", sameRowsRatio,
                sameRowsRatio <= 2 ? "met" : String.format("missed by %.2f", sameRowsRatio - 2)));
        t.append(String.format("| P1 a lower floor: the pages, and only an order, 2 rows, a document and 2 document rows per order (4 columns each) "
                        + "into one-key temporary tables (the second of two passes) | %.2f s (pages %.2f s, rows %.2f s); Ponte / this: %.2f | - | "
                        + "what the schemas and the rest of the rows cost beyond it |%n", raw.total(), raw.fetchSeconds(), raw.writeSeconds(), ratio));
        t.append(String.format("| P1 CPU time on the machine's %d cores (this JVM, split by thread, and the embedded MariaDB) | the run: %s; "
                        + "the raw limit: %s; CPU Ponte / raw %.1f | - | where the cores went |%n", Runtime.getRuntime().availableProcessors(),
                cpuPartial, cpuRaw, cpuPartial.total() / Math.max(0.001, cpuRaw.total())));
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
        t.append(String.format("| P3 CHANGED run, nothing changed, %d orders stored (3 runs: %s; time: their median, statements: their fewest) | %.3f s; SQL %s "
                        + "| <= 100 ms, same statements at any size | %s |%n", storedAll, String.join(", ", quietRuns.all()), quietRuns.seconds(), sqlQuiet, quietRuns.seconds() <= 0.1 ? (big == null ? "time met (sizes not compared)" : "time met")
                        : String.format("missed by %.0f ms", quietRuns.seconds() * 1000 - 100)));
        if (big != null) {
            t.append(String.format("| P3 CHANGED run, nothing changed, %d orders stored (3 runs: %s; time: their median, statements: their fewest) | %.3f s; SQL %s "
                            + "| <= 100 ms, same statements as at %d | %s; statements %s |%n", big.stored(), String.join(", ", big.quietAll()),
                    big.quietSeconds(), big.sqlQuiet(), storedAll,
                    big.quietSeconds() <= 0.1 ? "time met" : String.format("time missed by %.0f ms", big.quietSeconds() * 1000 - 100),
                    sameShapes(quietRuns.statements(), big.statements()) + "; the server's counters "
                            + sameStatements(sqlQuiet, big.sqlQuiet()) + String.format(" (all clients); rows read by its SELECTs run again alone: "
                            + "%d at %d orders, %d at %d", quietRuns.statements().rowsRead(), storedAll, big.statements().rowsRead(), big.stored())));
        }
        t.append(String.format("| P4 Mailchimp writes per changed order (%d orders of list members delivered) | %.2f (%d writes, %d refused) | <= 1 | %s |%n",
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
        if (big != null) {
            t.append(String.format("| P5 peak heap of a Ponte node in its own JVM (%s) importing the window of %d Amazon orders (%d new) in one "
                            + "PARTIAL run | %s | completes with -Xmx256m | %s |%n", big.childHeapOption(), big.polled(), big.imported(),
                    big.heap(), !big.completed() ? "missed: " + big.failure()
                            : maxHeapMb(big.childHeapOption()) <= 256 ? "met: completed"
                            : "not shown: completed with " + big.childHeapOption() + ", not -Xmx256m"));
        }
        t.append(String.format("| P6 Mailchimp order-history backfill, 200 ms a call, 10 connections | %d orders in %.1f s: %.1f orders/s "
                        + "= %.0f %% of the bound of 50 calls/s (%d calls, %.1f calls/s; at most %d in flight) | >= 90 %% | %s |%n",
                backfillOrders, backfillSeconds, backfillRate, backfillRate / 50 * 100, backfillAllCalls, backfillAllCalls / backfillSeconds,
                backfillPeak, backfillRate >= 45 ? "met" : String.format("missed by %.0f points", 90 - backfillRate / 50 * 100)));
        t.append(String.format("runs (s): PARTIAL %.1f, CHANGED settling Mailchimp %.1f, CHANGED nothing changed %.3f, CHANGED %d delivered %.1f "
                + "(state diff %.2f), TOTAL %.1f%n", p1, seconds(settle), quietRuns.seconds(), delivered, seconds(changed),
                changed.counts().getOrDefault("phase.STATE_DIFF.ms", 0) / 1000.0, seconds(total)));
        t.append(String.format("phases (ms) CHANGED settling %s%nphases (ms) CHANGED quiet %s%nphases (ms) CHANGED delivered %s%nphases (ms) TOTAL %s%n",
                phases(settle), phases(quiet), phases(changed), phases(total)));
        t.append(String.format("rows the PARTIAL run left, by table (written again for the raw limit with its own tables): %s%n", sameTables.tables()));
        if (big != null) {
            t.append(String.format("runs at %d orders (s): PARTIAL in the child JVM %.1f (%s), CHANGED settling Mailchimp %.1f, CHANGED nothing changed %.3f%n",
                    big.stored(), seconds(big.partial()), phases(big.partial()), seconds(big.settle()), big.quietSeconds()));
            t.append(String.format("phases (ms) CHANGED settling at %d %s%nphases (ms) CHANGED quiet at %d %s%n", big.stored(),
                    phases(big.settle()), big.stored(), phases(big.quiet())));
        }
        System.out.printf("%n%s%n", t);
        writeTable(t.toString());
        org.assertj.core.api.Assertions.assertThat(stored).isEqualTo(orders);
        if (big != null) {
            org.assertj.core.api.Assertions.assertThat(big.completed()).as(big.failure()).isTrue();
            org.assertj.core.api.Assertions.assertThat(big.stored()).isEqualTo(large + warmupOrders);
        }
    }

    /**
     * The run before the measured one: {@code count} other orders of the same shape, two days older than the measured ones
     * and their buyers not in the Mailchimp list (so Mailchimp's first sends stay the measured run's), imported by a
     * PARTIAL run; then every account's watermark goes back to just before the measured orders, which that run reads alone.
     */
    private SyncRun warmUp(Instant base, int count, Duration atMost) {
        if (count <= 0) {
            return null;
        }
        Instant at = base.minus(2, ChronoUnit.DAYS);
        for (int i = 0; i < count; i++) {
            amazon.addOrder(order("Cliente Riscaldamento" + i, "warmup" + i + "@marketplace.amazon.it", i, at.plusSeconds(i % 7200)));
        }
        SyncRun run = sync.run(SyncMode.PARTIAL, atMost);
        shopJdbc.getJdbcTemplate().update("UPDATE amazon_account SET watermark = ?", java.sql.Timestamp.from(base.minusSeconds(1)));
        System.out.printf("BENCHMARK %s warm-up: the first PARTIAL run in this JVM, %d other orders in %.2f s (%.0f orders/s), phases (ms) %s%n",
                Instant.now(), count, seconds(run), count / seconds(run), phases(run));
        return run;
    }

    /** How the measured run was preceded, for the table. */
    private static String warmedUp(SyncRun warmup, int count) {
        return warmup == null ? "the first run in a fresh JVM"
                : String.format("after a first run in this JVM (%d other orders: %.1f s, %.0f orders/s)", count, seconds(warmup), count / seconds(warmup));
    }

    /** Orders number {@code from} (inclusive) to {@code to} (exclusive) of 2 rows + shipping, each buyer a member of the Mailchimp list. */
    private void addOrders(Instant base, int from, int to) {
        for (int i = from; i < to; i++) {
            mailchimp.putMember("bench" + i + "@marketplace.amazon.it", "subscribed");
            amazon.addOrder(order("Cliente Bench" + i, "bench" + i + "@marketplace.amazon.it", i, base.plusSeconds(i % 7200)));
        }
    }

    /** The benchmark's shape of order: 2 rows + shipping, created and last updated {@code at}. */
    private static NewOrder order(String buyer, String email, int i, Instant at) {
        return new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, null, buyer, email,
                new SandboxAddress(buyer, "Via Prova " + i, null, "Padova", "PD", "35100", "IT", null),
                List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 1, new BigDecimal("24.50")),
                        new NewOrder.Item("PONTE-CAF-1000", "Caffè macinato 1 kg", 2, new BigDecimal("14.90"))),
                new BigDecimal("4.90"), at, at);
    }

    /** The -Xmx of JVM options in MB (a large number when there is none or it is not in m/g). */
    private static long maxHeapMb(String options) {
        var m = java.util.regex.Pattern.compile("-Xmx(\\d+)([mMgG])").matcher(options);
        return !m.find() ? Long.MAX_VALUE : Long.parseLong(m.group(1)) * (m.group(2).equalsIgnoreCase("g") ? 1024 : 1);
    }

    /** The quiet CHANGED run with the fewest statements of three, and what the three counted. */
    /** {@code seconds}: the median time of the three runs (one run's time moves with what else the machine does). */
    private record Quiet(SyncRun run, Map<String, Long> sql, List<String> all, Statements statements, double seconds) {
    }

    /**
     * Three CHANGED runs with nothing changed; the one the server counted the fewest statements for. The server's counters
     * count every client: Quartz's cluster check-in and the pools' keep-alives of this JVM add statements now and then to a
     * run's window, never take any away, so the fewest of three is the run's own count.
     */
    private Quiet quiet(Duration atMost) {
        SyncRun best = null;
        Map<String, Long> bestSql = null;
        List<String> all = new java.util.ArrayList<>();
        List<Double> times = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Long> before = serverStatus();
            SyncRun run = sync.run(SyncMode.CHANGED, atMost);
            Map<String, Long> sql = delta(before, serverStatus());
            all.add(String.format("%.3f s %d statements", seconds(run), sql.getOrDefault("Questions", 0L)));
            times.add(seconds(run));
            if (bestSql == null || sql.getOrDefault("Questions", 0L) < bestSql.getOrDefault("Questions", 0L)) {
                best = run;
                bestSql = sql;
            }
        }
        java.util.Collections.sort(times);
        return new Quiet(best, bestSql, all, statementsOfQuietRun(atMost), times.get(1));
    }

    /**
     * One more quiet CHANGED run with the server's general log on: each SELECT it sent is run again alone on one connection,
     * timed, with the rows the server read for it (its session's Handler_read counters), the heaviest first, into
     * target/benchmark-p3-statements-N.txt (N: the orders stored). A statement whose cost grows with the orders shows there.
     */
    private Statements statementsOfQuietRun(Duration atMost) {
        int stored = shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order", Map.of(), Integer.class);
        var admin = shopJdbc.getJdbcTemplate();
        admin.execute("SET GLOBAL log_output = 'TABLE'");
        admin.execute("TRUNCATE mysql.general_log");
        admin.execute("SET GLOBAL general_log = 'ON'");
        try {
            sync.run(SyncMode.CHANGED, atMost);
        } finally {
            admin.execute("SET GLOBAL general_log = 'OFF'");
        }
        List<String> sent = admin.queryForList("SELECT CONVERT(argument USING utf8mb4) FROM mysql.general_log WHERE command_type = 'Query'",
                String.class);
        admin.execute("TRUNCATE mysql.general_log");
        Map<String, Integer> times = new LinkedHashMap<>();
        sent.forEach(q -> times.merge(q.strip(), 1, Integer::sum));
        record Cost(String sql, int times, double ms, long rows) {
        }
        List<Cost> costs = new java.util.ArrayList<>();
        for (Map.Entry<String, Integer> q : times.entrySet()) {
            String sql = q.getKey();
            String upper = sql.toUpperCase(java.util.Locale.ROOT);
            if (!upper.startsWith("SELECT") || upper.contains("FOR UPDATE") || upper.contains("LOCK") || upper.contains("SLEEP(")
                    || upper.contains("GENERAL_LOG")) {
                costs.add(new Cost(sql, q.getValue(), -1, -1));
                continue;
            }
            Cost cost = null;
            for (var jdbc : List.of(shopJdbc.getJdbcTemplate(), erpJdbc.getJdbcTemplate())) {
                try {
                    cost = jdbc.execute((java.sql.Connection c) -> {
                        try (var st = c.createStatement()) {
                            long before = handlerReads(st);
                            // what reading the counters itself reads, left out
                            long own = handlerReads(st) - before;
                            before += own;
                            long t0 = System.nanoTime();
                            try (var rs = st.executeQuery(sql)) {
                                while (rs.next()) {
                                    // read every row, as the run did
                                }
                            }
                            double ms = (System.nanoTime() - t0) / 1e6;
                            return new Cost(sql, q.getValue(), ms, handlerReads(st) - before - own);
                        }
                    });
                    break;
                } catch (RuntimeException e) {
                    // a statement of the other database
                }
            }
            costs.add(cost == null ? new Cost(sql, q.getValue(), -1, -1) : cost);
        }
        costs.sort(java.util.Comparator.comparingLong(Cost::rows).reversed());
        StringBuilder out = new StringBuilder(String.format("# %d statements sent by a quiet CHANGED run over %d orders (%d distinct); "
                + "each SELECT run again alone: ms, rows the server read, times sent%n", sent.size(), stored, times.size()));
        costs.forEach(c -> out.append(String.format("%8.2f ms %8d rows %3dx  %s%n", c.ms(), c.rows(), c.times(), c.sql().replaceAll("\\s+", " "))));
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "benchmark-p3-statements-" + stored + ".txt"), out);
        } catch (java.io.IOException e) {
            System.out.println("statements not written: " + e.getMessage());
        }
        System.out.printf("BENCHMARK %s P3 statements at %d orders, the heaviest: %s%n", Instant.now(), stored,
                costs.stream().limit(4).map(c -> String.format("%.1f ms %d rows: %s", c.ms(), c.rows(),
                        c.sql().replaceAll("\\s+", " ").substring(0, Math.min(120, c.sql().replaceAll("\\s+", " ").length())))).toList());
        Map<String, Integer> shapes = new java.util.TreeMap<>();
        times.forEach((sql, n) -> shapes.merge(shape(sql), n, Integer::sum));
        return new Statements(sent.size(), shapes, costs.stream().filter(c -> c.rows() > 0).mapToLong(Cost::rows).sum());
    }

    /** The statements a run sent, by shape (literals left out), and the rows the server read for its SELECTs run again. */
    private record Statements(int sent, Map<String, Integer> shapes, long rowsRead) {
    }

    /** A statement without its literals: the same statement with another date, id, owner or JSON has the same shape. */
    private static String shape(String sql) {
        return sql.replaceAll("'(?:[^'\\\\]|\\\\.)*'", "?").replaceAll("\\b\\d+\\b", "N").replaceAll("\\s+", " ");
    }

    /** The general log's verdict: the same statements (by shape and number) at both sizes, or what differs. */
    private static String sameShapes(Statements small, Statements large) {
        List<String> differs = new java.util.ArrayList<>();
        java.util.Set<String> all = new java.util.TreeSet<>(small.shapes().keySet());
        all.addAll(large.shapes().keySet());
        for (String shape : all) {
            int a = small.shapes().getOrDefault(shape, 0);
            int b = large.shapes().getOrDefault(shape, 0);
            if (a != b) {
                differs.add(String.format("%dx -> %dx %s", a, b, shape.substring(0, Math.min(100, shape.length()))));
            }
        }
        return differs.isEmpty() ? String.format("same: %d statements sent at both sizes, %d distinct (general log)", large.sent(), all.size())
                : String.format("differ: %d statements sent vs %d (general log): %s", small.sent(), large.sent(), differs);
    }

    private static long handlerReads(java.sql.Statement st) throws java.sql.SQLException {
        long rows = 0;
        try (var rs = st.executeQuery("SHOW SESSION STATUS WHERE Variable_name IN ('Handler_read_rnd_next', 'Handler_read_next', "
                + "'Handler_read_key', 'Handler_read_prev', 'Handler_read_first', 'Handler_read_last', 'Handler_read_rnd')")) {
            while (rs.next()) {
                rows += rs.getLong(2);
            }
        }
        return rows;
    }

    /** What the larger size measured: the child JVM's import (P5) and the quiet CHANGED run over all the orders (P3). */
    private record Large(int polled, int imported, int stored, boolean completed, String failure, String childHeapOption, String heap,
                         SyncRun partial, SyncRun settle, SyncRun quiet, Map<String, Long> sqlQuiet, List<String> quietAll,
                         Statements statements, double quietSeconds) {
    }

    /**
     * The sandbox grows to {@code large} orders (the same shape, in the same two hours); the account's watermark is cleared,
     * so the next PARTIAL run reads the whole window again, {@code large} orders of which {@code orders} are already
     * stored. That run is done by a Ponte node in a JVM of its own ({@code benchmark.large.jvm-args}, default -Xmx256m)
     * on the same databases and sandbox: its peak heap is Ponte's, not the sandbox's, which holds every order in this
     * JVM. Its GC log gives the heap before and after each collection; the largest "before" is the peak. The node is then
     * stopped, and this JVM runs the CHANGED run that sends the new buyers and orders to Mailchimp, then the quiet one.
     */
    private Large large(Instant base, int orders, int large) throws Exception {
        Duration atMost = Duration.ofSeconds(90).plusMillis(50L * large);
        long seeding = System.nanoTime();
        addOrders(base, orders, large);
        System.out.printf("BENCHMARK %s sandbox seeded with %d more orders in %d ms%n", Instant.now(), large - orders,
                (System.nanoTime() - seeding) / 1_000_000);
        shopJdbc.getJdbcTemplate().update("UPDATE amazon_account SET watermark = NULL");
        String heapOption = System.getProperty("benchmark.large.jvm-args", "-Xmx256m");
        java.nio.file.Path gcLog = java.nio.file.Path.of("target", "benchmark-large-gc.log").toAbsolutePath();
        java.nio.file.Files.deleteIfExists(gcLog);
        List<String> jvm = new java.util.ArrayList<>(List.of(heapOption.split("\\s+")));
        jvm.addAll(List.of("-Xlog:gc:file=" + gcLog, "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:HeapDumpPath=" + java.nio.file.Path.of("target").toAbsolutePath(), "-XX:+ExitOnOutOfMemoryError"));
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int amazonBefore = amazon.requests().all().size();
        SyncRun partial = null;
        String failure = "";
        String heap;
        try (it.ponte.reliability.ChildJvm node = it.ponte.reliability.ChildJvm.ponteNode(databases, baseUrl(), "bench-large", port, jvm,
                "--ponte.amazon.client.rate-limited=false", "--ponte.amazon.polling.page-size=100",
                "--ponte.amazon.polling.max-pages=100000", "--ponte.amazon.polling.time-budget=3600s")) {
            try {
                node.await(l -> l.contains("Started PonteApplication"), Duration.ofSeconds(180));
                long gcLinesAtStart = java.nio.file.Files.lines(gcLog).count();
                var answer = it.ponte.Http.postJson("http://127.0.0.1:" + port + "/api/sync", "{\"mode\":\"PARTIAL\"}");
                long runId = json.readTree(answer.body()).path("runId").asLong();
                System.out.printf("BENCHMARK %s child JVM (pid %d, %s) started PARTIAL run %d: %d %s%n", Instant.now(), node.pid(), heapOption,
                        runId, answer.statusCode(), answer.body());
                // the run ends, or the node dies (out of memory: it exits, its run stays open in the ledger)
                org.awaitility.Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(500))
                        .until(() -> !node.alive() || runs.find(runId).map(r -> !r.running()).orElse(false));
                if (!node.alive()) {
                    throw new IllegalStateException("the node's JVM exited during its run (exit " + node.exitValue() + "); its last lines: "
                            + String.join(" | ", node.output().subList(Math.max(0, node.output().size() - 8), node.output().size())));
                }
                partial = runs.find(runId).orElseThrow();
                heap = gcHeap(gcLog, gcLinesAtStart);
                node.stopGracefully(Duration.ofSeconds(60));
            } catch (Exception | AssertionError e) {
                failure = e.toString();
                heap = gcHeap(gcLog, 0);
                java.nio.file.Files.write(java.nio.file.Path.of("target", "benchmark-large-node.log"), node.output());
            }
            if (partial != null && partial.outcome() != it.ponte.sync.SyncOutcome.SUCCEEDED) {
                failure = "run ended " + partial.outcome() + " " + partial.reason() + " " + partial.errors();
            }
            java.nio.file.Files.write(java.nio.file.Path.of("target", "benchmark-large-node.log"), node.output());
        }
        long polledPages = amazon.requests().all().stream().skip(amazonBefore).filter(r -> r.path().endsWith("/orders")).count();
        int stored = shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE status IN ('STORED', 'DELIVERED')", Map.of(), Integer.class);
        System.out.printf("BENCHMARK %s P5 at %d orders: child JVM %s, run %s in %s, %d searchOrders pages, %d orders stored; heap %s%s%n",
                Instant.now(), large, heapOption, partial == null ? "-" : partial.outcome(), partial == null ? "-" : seconds(partial) + " s",
                polledPages, stored, heap, failure.isEmpty() ? "" : "; FAILED: " + failure);
        if (partial == null) {
            return new Large(large, large - orders, stored, false, failure, heapOption, heap, null, null, null, Map.of(), List.of(), null, Double.NaN);
        }
        SyncRun settle = sync.run(SyncMode.CHANGED, atMost);
        Quiet quietRuns = quiet(atMost);
        SyncRun quiet = quietRuns.run();
        Map<String, Long> sqlQuiet = quietRuns.sql();
        System.out.printf("BENCHMARK %s P3 at %d orders: CHANGED settling %.1f s, CHANGED nothing changed %.3f s, SQL %s (three runs: %s)%n",
                Instant.now(), stored, seconds(settle), quietRuns.seconds(), sqlQuiet, quietRuns.all());
        return new Large(large, large - orders, stored, failure.isEmpty(), failure, heapOption, heap, partial, settle, quiet, sqlQuiet, quietRuns.all(),
                quietRuns.statements(), quietRuns.seconds());
    }

    /** The GC log's largest heap before a collection (the peak) and after one, from line {@code skip} on (the run's part). */
    private static String gcHeap(java.nio.file.Path gcLog, long skip) {
        java.util.regex.Pattern sizes = java.util.regex.Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
        long peak = 0;
        long after = 0;
        long committed = 0;
        int collections = 0;
        try (var lines = java.nio.file.Files.lines(gcLog)) {
            for (String line : (Iterable<String>) lines.skip(skip)::iterator) {
                var m = sizes.matcher(line);
                if (m.find()) {
                    collections++;
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                    after = Math.max(after, Long.parseLong(m.group(2)));
                    committed = Math.max(committed, Long.parseLong(m.group(3)));
                }
            }
        } catch (java.io.IOException e) {
            return "GC log not read: " + e.getMessage();
        }
        return String.format("peak %d MB before a collection, at most %d MB after one, heap at most %d MB (%d collections)", peak, after,
                committed, collections);
    }

    /** "same" when the server counted the same statements in both runs, else by how much each counter differs (rows read aside). */
    private static String sameStatements(Map<String, Long> small, Map<String, Long> large) {
        Map<String, Long> differs = new LinkedHashMap<>();
        large.forEach((k, v) -> {
            if (k.startsWith("Handler_")) {
                return;
            }
            long d = v - small.getOrDefault(k, 0L);
            if (d != 0) {
                differs.put(k, d);
            }
        });
        return differs.isEmpty() ? "same" : "differ by " + differs;
    }

    private static long writes(List<String> calls) {
        return calls.stream().filter(c -> c.startsWith("POST") || c.startsWith("PATCH") || c.startsWith("PUT") || c.startsWith("DELETE")).count();
    }

    /** What the database server counted (all its clients: Ponte's pools and the sandbox's; the benchmark's own reads add a few). */
    private Map<String, Long> serverStatus() {
        Map<String, Long> status = new LinkedHashMap<>();
        shopJdbc.getJdbcTemplate().query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_select', 'Com_insert', "
                + "'Com_update', 'Com_delete', 'Com_commit', 'Com_stmt_execute', 'Handler_read_rnd_next', 'Handler_read_next', 'Handler_read_key')", rs -> {
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
