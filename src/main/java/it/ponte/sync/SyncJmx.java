package it.ponte.sync;

import java.util.Locale;
import java.util.Optional;
import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedOperationParameter;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

/**
 * The operator's handle on sync runs over JMX ({@code it.ponte:type=Sync}): start a run (same rules as REST: one
 * at a time, quota), read the last run's outcome and the running run's progress.
 */
@Component
@ManagedResource(objectName = "it.ponte:type=Sync", description = "Ponte sync runs")
public class SyncJmx {

    private final SyncLauncher launcher;
    private final SyncRuns runs;
    private final SyncLock lock;

    public SyncJmx(SyncLauncher launcher, SyncRuns runs, SyncLock lock) {
        this.launcher = launcher;
        this.runs = runs;
        this.lock = lock;
    }

    @ManagedOperation(description = "Starts a sync run (TOTAL, CHANGED or PARTIAL); answers the run id or why it was refused")
    @ManagedOperationParameter(name = "mode", description = "TOTAL, CHANGED or PARTIAL")
    public String startRun(String mode) {
        SyncMode parsed;
        try {
            parsed = SyncMode.valueOf(mode == null ? "" : mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be TOTAL, CHANGED or PARTIAL, not '" + mode + "'");
        }
        if (parsed == SyncMode.IMPORT || parsed == SyncMode.MAILCHIMP) {
            throw new IllegalArgumentException("mode must be TOTAL, CHANGED or PARTIAL");
        }
        try {
            return "started run " + launcher.launch(parsed, SyncTrigger.JMX, null);
        } catch (SyncAlreadyRunningException | SyncQuotaExceededException | NodeStoppingException e) {
            return "refused: " + e.getMessage();
        }
    }

    @ManagedAttribute(description = "Outcome of the last finished run: id, mode, outcome, reason")
    public String getLastRunOutcome() {
        return runs.lastFinished().map(r -> "run " + r.id() + " " + r.mode() + " " + r.outcome() + (r.reason() == null ? "" : ": " + r.reason()))
                .orElse("no run finished yet");
    }

    @ManagedAttribute(description = "Id of the run in progress, or -1")
    public long getRunningRunId() {
        return lock.holder().orElse(-1L);
    }

    @ManagedAttribute(description = "Phase and progress of the run in progress")
    public String getRunningProgress() {
        Optional<SyncRun> running = lock.holder().flatMap(runs::find);
        return running.map(r -> "run " + r.id() + " " + r.mode() + " phase " + r.phase() + " progress " + r.progress())
                .orElse("no run in progress");
    }
}
