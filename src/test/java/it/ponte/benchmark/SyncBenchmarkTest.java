package it.ponte.benchmark;

import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.amazon.SandboxAddress;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Throughput of one sync run on this machine: Amazon orders imported (sandbox without rate limits, client pacing
 * off), inserted into the ERP, and state-diffed. Prints figures; asserts nothing about time. Run with
 * {@code ./mvnw verify -Pbenchmark} (size with -Dbenchmark.orders=N).
 */
@Tag("benchmark")
@TestPropertySource(properties = {"ponte.amazon.client.rate-limited=false", "ponte.amazon.polling.page-size=100",
        "ponte.amazon.polling.max-pages=1000", "spring.jmx.enabled=false",
        "logging.level.it.ponte.amazon.AmazonImport=DEBUG", "logging.level.it.ponte.erp.ErpBatchStore=DEBUG",
        "logging.level.it.ponte.erp.ErpOrderInsert=DEBUG"})
@org.apache.camel.test.spring.junit5.DisableJmx
class SyncBenchmarkTest extends SyncTestBase {

    @Test
    void importInsertAndDiffThroughput() {
        int orders = Integer.getInteger("benchmark.orders", 2000);
        amazon.rateLimiter().configure(false, 1);
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
        SyncRun partial = sync.run(SyncMode.PARTIAL, atMost);
        Duration importAndInsert = Duration.between(partial.startedAt(), partial.endedAt());
        int stored = shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE status = 'STORED'", Map.of(), Integer.class);
        RawLimit raw = RawLimit.measure(baseUrl(), shopJdbc.getJdbcTemplate(), orders);

        erpJdbc.update("UPDATE erp_document SET status = 'DELIVERED'", Map.of());
        SyncRun changed = sync.run(SyncMode.CHANGED, atMost);
        Duration diff = Duration.between(changed.startedAt(), changed.endedAt());
        SyncRun total = sync.run(SyncMode.TOTAL, atMost);
        Duration totalDiff = Duration.between(total.startedAt(), total.endedAt());
        int delivered = shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE status = 'DELIVERED'", Map.of(), Integer.class);

        StringBuilder table = new StringBuilder();
        table.append(String.format("=== Ponte sync benchmark (%d Amazon orders, 2 rows each; %d cores, %s) ===%n", orders,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name")));
        table.append(String.format("| run | Ponte | raw limit (same work, plain client + batched JDBC) | Ponte / raw |%n| --- | --- | --- | --- |%n"));
        table.append(String.format("| PARTIAL: Amazon poll + shop import + ERP insert | %d orders in %.1f s -> %.0f orders/s | %.2f s (pages %.2f s, rows %.2f s) -> %.0f orders/s | %.0f |%n",
                stored, seconds(importAndInsert), stored / seconds(importAndInsert), raw.total(), raw.fetchSeconds(), raw.writeSeconds(),
                orders / raw.total(), seconds(importAndInsert) / raw.total()));
        table.append(String.format("| CHANGED: state diff of %d changed ERP documents | whole run %.1f s, state diff %.2f s | - | - |%n",
                delivered, seconds(diff), changed.counts().getOrDefault("phase.STATE_DIFF.ms", 0) / 1000.0));
        table.append(String.format("| TOTAL: every document re-read | %.1f s | - | - |%n", seconds(totalDiff)));
        table.append(String.format("phases (ms) PARTIAL %s%nphases (ms) CHANGED %s%nphases (ms) TOTAL %s%n", phases(partial), phases(changed), phases(total)));
        System.out.printf("%n%s%n", table);
        writeTable(table.toString());
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

    private static double seconds(Duration d) {
        return Math.max(0.001, d.toMillis() / 1000.0);
    }
}
