package it.ponte.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ponte.SyncTestBase;
import it.ponte.sync.RunLifecycle;
import it.ponte.sync.SyncAlreadyRunningException;
import it.ponte.sync.SyncLauncher;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import it.ponte.sync.SyncRun;
import it.ponte.sync.SyncRuns;
import it.ponte.sync.SyncTrigger;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A node killed in the middle of a run and started again does not refuse runs until its own old lease expires: at start
 * it closes the run its previous life left open and frees its lock. Another node's live lock is left alone.
 */
class RestartedNodeTest extends SyncTestBase {

    /** A process id no process has (Linux pids stop at 4,194,304). */
    private static final long DEAD_PID = 4_999_999L;

    @Autowired
    SyncLauncher launcher;
    @Autowired
    SyncRuns runs;
    @Autowired
    RunLifecycle lifecycle;

    @AfterEach
    void freeLock() {
        shopJdbc.update("UPDATE sync_lock SET owner = NULL, run_id = NULL, expires_at = NULL WHERE name = 'sync'", Map.of());
    }

    @Test
    void aRestartedNodeClosesItsOwnStaleRunAndTakesRunsAtOnce() {
        long stale = openRunOf(launcher.node());
        holdLock(launcher.node() + "/" + DEAD_PID + "/0f0f0f0f-dead", stale);
        assertThatThrownBy(() -> launcher.launch(SyncMode.CHANGED, SyncTrigger.REST, null)).isInstanceOf(SyncAlreadyRunningException.class);

        long started = System.nanoTime();
        lifecycle.start(); // what the node's start does
        SyncRun next = sync.run(SyncMode.CHANGED);
        long millis = (System.nanoTime() - started) / 1_000_000;

        SyncRun old = runs.find(stale).orElseThrow();
        assertThat(old.running()).isFalse();
        assertThat(old.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(old.reason()).contains("è ripartito");
        assertThat(next.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        System.out.println("RELIABILITY: restarted node took its first run " + millis + " ms after start (lease "
                + "2 min not waited); its stale run " + stale + " closed FAILED");
    }

    @Test
    void aLiveLockOfAnotherNodeIsLeftToItsLease() {
        long theirs = openRunOf("another-node");
        holdLock("another-node/" + DEAD_PID + "/0f0f0f0f-live", theirs);

        lifecycle.start();

        assertThat(runs.find(theirs).orElseThrow().running()).isTrue();
        assertThatThrownBy(() -> launcher.launch(SyncMode.CHANGED, SyncTrigger.REST, null)).isInstanceOf(SyncAlreadyRunningException.class);
    }

    private long openRunOf(String node) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        shopJdbc.update("INSERT INTO sync_run (mode, run_trigger, counted, node, phase) VALUES ('CHANGED', 'REST', true, :node, 'ERP_INSERT')",
                new MapSqlParameterSource("node", node), key, new String[] {"id"});
        return key.getKey().longValue();
    }

    private void holdLock(String owner, long runId) {
        shopJdbc.update("UPDATE sync_lock SET owner = :owner, run_id = :run, expires_at = NOW(3) + INTERVAL 2 MINUTE WHERE name = 'sync'",
                Map.of("owner", owner, "run", runId));
    }
}
