package it.ponte.sync;

import it.ponte.remote.FailureClass;
import it.ponte.remote.FailurePolicy;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The {@code sync-run} route's policy: when a run's exchange is done, however it ended, its outcome is recorded and
 * the run lock released. Being a route policy, no step of the route can skip it.
 * <p>
 * When the shop database is what failed, neither can be written now: the outcome (and the alert mail, if the report
 * could not be composed without the database) is kept and tried again every {@code ponte.sync.outcome-retry} until
 * the database is back. The run record never stays open, and its lock is freed as soon as the database answers.
 */
@Component("runCompletion")
public class RunCompletion extends RoutePolicySupport {

    private static final Logger log = LoggerFactory.getLogger(RunCompletion.class);

    private final SyncRuns runs;
    private final SyncLock lock;
    private final ActiveRuns active;
    private final FailurePolicy policy;
    private final ProducerTemplate producer;
    private final org.springframework.transaction.support.TransactionTemplate shopTx;
    private final Queue<Unrecorded> unrecorded = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ponte-run-outcome-retry");
        t.setDaemon(true);
        return t;
    });

    public RunCompletion(SyncRuns runs, SyncLock lock, ActiveRuns active, FailurePolicy policy, @Lazy ProducerTemplate producer,
                         SyncProperties properties, org.springframework.transaction.support.TransactionTemplate shopTx) {
        this.shopTx = shopTx;
        this.runs = runs;
        this.lock = lock;
        this.active = active;
        this.policy = policy;
        this.producer = producer;
        long every = Math.max(100, properties.outcomeRetry().toMillis());
        retry.scheduleWithFixedDelay(this::recordLate, every, every, TimeUnit.MILLISECONDS);
    }

    /** A run's outcome not written yet, and whether its report still has to be sent. */
    private record Unrecorded(SyncContext ctx, SyncOutcome outcome, String reason, boolean reportOwed) {
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
        SyncOutcome outcome = ledger.outcome();
        String reason = outcome == SyncOutcome.FAILED ? ledger.failure()
                : ledger.errors().isEmpty() ? null : ledger.errors().size() + " errori: " + ledger.errors().get(0);
        // the report route composes reportMail first: without it, the report never went out (the database it reads was gone)
        boolean reportOwed = exchange.getProperty("reportMail") == null;
        complete(new Unrecorded(ctx, outcome, reason, reportOwed));
    }

    /**
     * Records the outcome and frees the lock in one transaction (whoever sees the run ended finds the lock free); keeps
     * them for later if the shop database cannot take them now.
     */
    boolean complete(Unrecorded run) {
        SyncContext ctx = run.ctx();
        boolean released = false;
        try {
            shopTx.executeWithoutResult(tx -> {
                runs.finish(ctx, run.outcome(), run.reason());
                lock.release(ctx.lockToken());
            });
            released = true;
            log.info("Sync run {} finished: {}", ctx.getRunId(), run.outcome());
        } catch (RuntimeException e) {
            if (policy.classify(e) == FailureClass.OWN_DATABASE) {
                log.error("Outcome {} of sync run {} not recorded, the shop database is unreachable: recorded when it answers again",
                        run.outcome(), ctx.getRunId());
                unrecorded.add(run);
                return false;
            }
            log.error("Outcome of sync run {} not recorded ({}): the lock's lease will expire", ctx.getRunId(), e.getMessage());
        }
        active.ended(ctx);
        if (!released) {
            try {
                lock.release(ctx.lockToken());
            } catch (RuntimeException e) {
                log.error("Lock of sync run {} not released ({}): its lease will expire", ctx.getRunId(), e.getMessage());
            }
        }
        // a Mailchimp manual sync mails its own report (mailchimp-report-mail), never the sync run's
        if (run.reportOwed() && run.outcome() == SyncOutcome.FAILED && ctx.getMode() != SyncMode.MAILCHIMP) {
            sendLateReport(ctx);
        }
        return true;
    }

    /** Runs whose outcome waits for the shop database. */
    public int unrecordedCount() {
        return unrecorded.size();
    }

    private void recordLate() {
        for (int n = unrecorded.size(); n > 0; n--) {
            Unrecorded run = unrecorded.poll();
            if (run == null) {
                return;
            }
            try {
                complete(run);
            } catch (RuntimeException e) {
                unrecorded.add(run);
            }
        }
    }

    private void sendLateReport(SyncContext ctx) {
        try {
            producer.send("direct:report", exchange -> exchange.setProperty(SyncContext.PROPERTY, ctx));
        } catch (RuntimeException e) {
            log.warn("The report of sync run {} could not be sent: {}", ctx.getRunId(), e.getMessage());
        }
    }

    /** Stopping: what is still unrecorded is tried a last time (the database may be back). */
    @PreDestroy
    void stopRetrying() {
        retry.shutdownNow();
        recordLate();
    }

    static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
