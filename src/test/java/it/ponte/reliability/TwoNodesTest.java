package it.ponte.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.ponte.PonteApplication;
import it.ponte.SyncTestBase;
import it.ponte.sync.SyncAlreadyRunningException;
import it.ponte.sync.SyncLauncher;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import it.ponte.sync.SyncRuns;
import it.ponte.sync.SyncTrigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Ponte nodes on one database, both asked to run again and again at the same moments: never two runs at once, every
 * run recorded and ended, every web order in the ERP exactly once. (The scheduled firings' once-only is Quartz's
 * clustered JDBC store's, tested in SchedulesTest on one node.)
 */
@Timeout(240)
class TwoNodesTest extends SyncTestBase {

    private static final int ORDERS = 30;
    private static final int ATTEMPTS_PER_NODE = 15;

    @Autowired
    SyncRuns runs;
    @Autowired
    SyncLauncher launcher;

    @Test
    void twoNodesNeverRunAtOnceAndInsertEveryOrderOnce() throws Exception {
        for (int i = 0; i < ORDERS; i++) {
            fixtures.webOrder("REGISTERED");
        }
        ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(PonteApplication.class)
                .profiles("sandbox", "test")
                .properties(Map.of("ponte.sync.node", "node-b", "server.port", "0", "spring.jmx.enabled", "false",
                        "spring.jmx.unique-names", "true", "camel.main.jmx-enabled", "false"))
                .run();
        Map<String, List<Long>> started = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        try {
            SyncLauncher launcherB = nodeB.getBean(SyncLauncher.class);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> nodes = new ArrayList<>();
            for (Map.Entry<String, SyncLauncher> node : Map.of("node-a", launcher, "node-b", launcherB).entrySet()) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < ATTEMPTS_PER_NODE; i++) {
                            try {
                                long id = node.getValue().launch(i % 2 == 0 ? SyncMode.PARTIAL : SyncMode.CHANGED, SyncTrigger.REST, null);
                                started.computeIfAbsent(node.getKey(), k -> new ArrayList<>()).add(id);
                            } catch (SyncAlreadyRunningException e) {
                                refused.incrementAndGet();
                            }
                            // a run takes a second or two: asking every ~0.7 s meets both running and finished runs
                            Thread.sleep(500 + (long) (Math.random() * 400));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                t.start();
                nodes.add(t);
            }
            go.countDown();
            for (Thread t : nodes) {
                t.join();
            }
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> runs.recent(500).stream().noneMatch(SyncRun::running));
        } finally {
            nodeB.close();
        }

        List<SyncRun> all = new ArrayList<>(runs.recent(500));
        all.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).startedAt()).as("run %d starts after run %d ended", all.get(i).id(), all.get(i - 1).id())
                    .isAfterOrEqualTo(all.get(i - 1).endedAt());
        }
        int launched = started.values().stream().mapToInt(List::size).sum();
        assertThat(all).hasSize(launched);
        assertThat(all).allMatch(r -> r.outcome() != null);
        assertThat(started.keySet()).as("both nodes ran").contains("node-a", "node-b");
        assertThat(count("SELECT COUNT(*) FROM shop_order WHERE status = 'STORED'")).isEqualTo(ORDERS);
        Integer documents = erpJdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM erp_document", Integer.class);
        assertThat(documents).as("every order in the ERP exactly once").isEqualTo(ORDERS);
        System.out.println("RELIABILITY: two nodes - " + (2 * ATTEMPTS_PER_NODE) + " starts asked, " + launched + " runs ("
                + started.getOrDefault("node-a", List.of()).size() + " on node-a, " + started.getOrDefault("node-b", List.of()).size()
                + " on node-b), " + refused.get() + " refused while another ran, 0 overlapping, " + ORDERS + " orders inserted once");
    }

    private int count(String sql) {
        return shopJdbc.getJdbcTemplate().queryForObject(sql, Integer.class);
    }
}
