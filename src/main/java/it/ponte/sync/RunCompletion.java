package it.ponte.sync;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code sync-run} route's policy: when a run's exchange is done, however it ended, its outcome is recorded and
 * the run lock released. Being a route policy, no step of the route can skip it.
 */
@Component("runCompletion")
public class RunCompletion extends RoutePolicySupport {

    private static final Logger log = LoggerFactory.getLogger(RunCompletion.class);

    private final SyncRuns runs;
    private final SyncLock lock;

    public RunCompletion(SyncRuns runs, SyncLock lock) {
        this.runs = runs;
        this.lock = lock;
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        SyncContext ctx = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        if (ctx == null) {
            return;
        }
        RunLedger ledger = ctx.ledger();
        if (exchange.getException() != null && ledger.failure() == null) {
            ledger.failed(describe(exchange.getException()));
        }
        try {
            SyncOutcome outcome = ledger.outcome();
            String reason = outcome == SyncOutcome.FAILED ? ledger.failure()
                    : ledger.errors().isEmpty() ? null : ledger.errors().size() + " errori: " + ledger.errors().get(0);
            runs.finish(ctx, outcome, reason);
            log.info("Sync run {} finished: {}", ctx.getRunId(), outcome);
        } catch (RuntimeException e) {
            log.error("Outcome of sync run {} not recorded ({}): the lock's lease will expire", ctx.getRunId(), e.getMessage());
        } finally {
            try {
                lock.release(ctx.lockToken());
            } catch (RuntimeException e) {
                log.error("Lock of sync run {} not released ({}): its lease will expire", ctx.getRunId(), e.getMessage());
            }
        }
    }

    static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
