package it.ponte.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.ponte.PonteApplication;
import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.AmazonFault;
import it.ponte.sandbox.amazon.AmazonSandbox;
import it.ponte.sync.SyncLauncher;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import it.ponte.sync.SyncRun;
import it.ponte.sync.SyncRuns;
import it.ponte.sync.SyncTrigger;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A graceful stop of a node in the middle of a run ends the run before anything it needs goes away: the run stops
 * after its current phase, is recorded FAILED as interrupted by the stop, and its lock is free for the other node at
 * once. (The embedded database's own stop waits for the contexts that use it: {@code EmbeddedMariaDb}.)
 */
@Timeout(240)
class GracefulStopTest extends SyncTestBase {

    @Autowired
    SyncRuns runs;

    @Test
    void aNodeStoppedDuringARunRecordsItInterruptedAndFreesTheLockBeforeItStops() {
        ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(PonteApplication.class)
                .profiles("sandbox", "test")
                .properties(Map.of("ponte.sync.node", "node-b", "server.port", "0", "spring.jmx.enabled", "false",
                        "spring.jmx.unique-names", "true", "camel.main.jmx-enabled", "false", "ponte.sync.shutdown-wait", "20s"))
                .run("--spring.quartz.properties.org.quartz.scheduler.instanceName=ponte-node-b");
        long runId;
        try {
            // the poll phase lasts ~5 s: Amazon asks to come back later once
            nodeB.getBean(AmazonSandbox.class).faults().add(AmazonFault.of("searchOrders", 503, 1).retryAfter(5));
            runId = nodeB.getBean(SyncLauncher.class).launch(SyncMode.CHANGED, SyncTrigger.REST, null);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> "AMAZON_POLL".equals(runs.find(runId).orElseThrow().phase()));
        } catch (RuntimeException e) {
            nodeB.close();
            throw e;
        }
        long stopping = System.nanoTime();
        nodeB.close();
        long stopMillis = (System.nanoTime() - stopping) / 1_000_000;

        SyncRun interrupted = runs.find(runId).orElseThrow();
        assertThat(interrupted.running()).isFalse();
        assertThat(interrupted.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(interrupted.reason()).contains("Ponte si sta arrestando").contains("node-b");
        assertThat(interrupted.counts()).as("no phase after the one it was in").doesNotContainKey("phase.ERP_INSERT.ms");
        long lockFreeMillis = System.nanoTime();
        SyncRun next = sync.run(SyncMode.CHANGED);
        assertThat(next.outcome()).isIn(SyncOutcome.SUCCEEDED, SyncOutcome.PARTIAL);
        System.out.println("RELIABILITY: graceful stop during a run - node stopped in " + stopMillis + " ms, run " + runId
                + " recorded FAILED (interrupted by the stop) before the stop ended, the other node's next run started at once");
    }
}
