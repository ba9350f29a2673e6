package it.ponte;

import static org.awaitility.Awaitility.await;

import it.ponte.sync.SyncLauncher;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import it.ponte.sync.SyncRuns;
import it.ponte.sync.SyncTrigger;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Starts runs the way the triggers do and waits for them to finish. */
@Component
public class SyncRunner {

    private final SyncLauncher launcher;
    private final SyncRuns runs;

    public SyncRunner(SyncLauncher launcher, SyncRuns runs) {
        this.launcher = launcher;
        this.runs = runs;
    }

    public SyncRun run(SyncMode mode) {
        return run(mode, SyncTrigger.REST, null);
    }

    public SyncRun run(SyncMode mode, SyncTrigger trigger, String accountId) {
        return awaitEnd(launcher.launch(mode, trigger, accountId));
    }

    public SyncRun awaitEnd(long runId) {
        return awaitEnd(runId, Duration.ofSeconds(90));
    }

    /** A run given as long as {@code atMost} (the benchmark's runs of many orders). */
    public SyncRun run(SyncMode mode, Duration atMost) {
        return awaitEnd(launcher.launch(mode, SyncTrigger.REST, null), atMost);
    }

    public SyncRun awaitEnd(long runId, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> runs.find(runId).map(r -> !r.running()).orElse(false));
        return runs.find(runId).orElseThrow();
    }
}
