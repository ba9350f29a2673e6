package it.ponte.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ponte.SyncTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A run asked for once the node's stop has begun is refused with nothing taken: no run recorded, no lock held (a run
 * recorded and locked then, and never run, kept every node from running until its lease expired). Over REST the
 * refusal is a 503 problem document.
 */
class LaunchWhileStoppingTest extends SyncTestBase {

    @Autowired
    RunLifecycle lifecycle;
    @Autowired
    SyncLauncher launcher;
    @Autowired
    SyncLock lock;

    @Test
    void aRunAskedForWhileTheNodeStopsIsRefusedAndTakesNothing() throws Exception {
        int runsBefore = shopJdbc.queryForObject("SELECT COUNT(*) FROM sync_run", Map.of(), Integer.class);
        lifecycle.stop();
        try {
            assertThatThrownBy(() -> launcher.launch(SyncMode.CHANGED, SyncTrigger.REST, null))
                    .isInstanceOf(NodeStoppingException.class).hasMessageContaining("si sta arrestando");
            assertThatThrownBy(() -> launcher.launchMailchimp("CUSTOMERS", SyncTrigger.REST, null))
                    .isInstanceOf(NodeStoppingException.class);
            var answer = it.ponte.Http.postJson(baseUrl() + "/api/sync", "{\"mode\":\"CHANGED\"}");
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.body()).contains("si sta arrestando");
            assertThat(lock.holder()).isEmpty();
            assertThat(lock.holder(SyncLock.MAILCHIMP)).isEmpty();
            assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM sync_run", Map.of(), Integer.class)).isEqualTo(runsBefore);
        } finally {
            lifecycle.start();
        }
        // started again, the node runs again
        assertThat(sync.run(SyncMode.CHANGED).outcome()).isNotNull();
    }
}
