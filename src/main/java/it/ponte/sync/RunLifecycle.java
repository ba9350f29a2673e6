package it.ponte.sync;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A node's start and stop as its runs see them.
 * <ul>
 * <li>Start: the lock and the open runs this node left behind when it was killed are freed and closed at once
 * ({@link SyncLock#recoverOwn}), so a restarted node does not refuse runs until its own old lease expires.</li>
 * <li>Stop (before Camel's graceful shutdown, which would only wait for the run): no run starts any more
 * ({@link NodeStoppingException}); each run in flight is told to stop
 * after the phase it is in; it is given {@code ponte.sync.shutdown-wait} to end on its own (its outcome recorded and its
 * lock released by {@link RunCompletion}); a run still going then is recorded as interrupted and its lock released
 * here. Only afterwards do Camel, the pools and the embedded database stop.</li>
 * </ul>
 */
@Component
public class RunLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunLifecycle.class);
    /** Above Camel's context (Integer.MAX_VALUE - 2049): stopped before it. */
    static final int PHASE = Integer.MAX_VALUE - 1000;

    private final SyncLock lock;
    private final SyncRuns runs;
    private final ActiveRuns active;
    private final SyncLauncher launcher;
    private final SyncProperties properties;
    private volatile boolean running;

    public RunLifecycle(SyncLock lock, SyncRuns runs, ActiveRuns active, SyncLauncher launcher, SyncProperties properties) {
        this.lock = lock;
        this.runs = runs;
        this.active = active;
        this.launcher = launcher;
        this.properties = properties;
    }

    @Override
    public void start() {
        active.open();
        try {
            lock.recoverOwn(launcher.node());
        } catch (RuntimeException e) {
            log.warn("Could not look for runs this node left open ({}); their lease will expire", e.getMessage());
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        // no run starts from now on, and one being launched right now is registered before the look below
        active.close();
        if (active.isEmpty()) {
            return;
        }
        String reason = "Ponte si sta arrestando (nodo " + launcher.node() + ")";
        active.all().forEach(ctx -> {
            log.warn("Stopping: sync run {} ends after its current phase ({})", ctx.getRunId(), ctx.getPhase());
            ctx.ledger().interrupt(reason);
        });
        long deadline = System.nanoTime() + properties.shutdownWait().toNanos();
        while (!active.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (SyncContext ctx : active.all()) {
            String late = "Sincronizzazione interrotta: " + reason + "; la fase " + ctx.getPhase() + " non è finita entro "
                    + Duration.ofMillis(properties.shutdownWait().toMillis()).toSeconds() + " s, il lavoro restante è ripreso dalla "
                    + "sincronizzazione successiva";
            try {
                ctx.ledger().failed(late);
                ctx.error(late);
                runs.finish(ctx, SyncOutcome.FAILED, late);
                lock.release(ctx.lockToken());
                active.ended(ctx);
                log.warn("Sync run {} recorded as interrupted by the stop", ctx.getRunId());
            } catch (RuntimeException e) {
                log.error("Sync run {} could not be recorded as interrupted ({}): the next start of this node closes it",
                        ctx.getRunId(), e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
