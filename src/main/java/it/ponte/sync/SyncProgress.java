package it.ponte.sync;

import it.ponte.erp.ErpInsertOutcome;
import it.ponte.remote.FailurePolicy;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps the phases call to write into the run's ledger: progress of the ERP insert, the outbound report, and the
 * handlers of the {@code phase-failure} route configuration (a phase that broke off, or the run that cannot go on).
 */
@Component("syncProgress")
public class SyncProgress {

    private static final Logger log = LoggerFactory.getLogger(SyncProgress.class);

    private final SyncRuns runs;
    private final FailurePolicy policy;

    public SyncProgress(SyncRuns runs, FailurePolicy policy) {
        this.runs = runs;
        this.policy = policy;
    }

    /** The property holding how many orders of the ERP insert phase are done (a counter the split's parts share). */
    public static final String ERP_DONE = "erpInsertDone";

    /** The ERP insert phase starts: its counter of orders done, shared by the batches (the split copies the reference). */
    public void erpInsertStarting(org.apache.camel.Exchange exchange) {
        exchange.setProperty(ERP_DONE, new java.util.concurrent.atomic.AtomicInteger());
    }

    /** A batch of the ERP insert settled these orders (the ones it left go one by one, each noted by {@link #erpInsertedOne}). */
    public void erpBatchInserted(@ExchangeProperty("erpBatch") it.ponte.erp.ErpBatch batch, @ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx,
                                 @ExchangeProperty(ERP_DONE) java.util.concurrent.atomic.AtomicInteger done,
                                 @ExchangeProperty("erpInsertTotal") Integer total) {
        if (ctx == null) {
            return;
        }
        batch.outcomes().forEach(outcome -> note(ctx, outcome));
        advance(ctx, done, total, batch.outcomes().size());
    }

    /** One order of a batch inserted by itself: its outcome, or its failure, which the record-failure sink noted already. */
    public void erpInsertedOne(org.apache.camel.Exchange exchange, @ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx,
                               @ExchangeProperty(ERP_DONE) java.util.concurrent.atomic.AtomicInteger done,
                               @ExchangeProperty("erpInsertTotal") Integer total) {
        if (ctx == null) {
            return;
        }
        if (exchange.getMessage().getBody() instanceof ErpInsertOutcome outcome) {
            note(ctx, outcome);
        }
        advance(ctx, done, total, 1);
    }

    private static void note(SyncContext ctx, ErpInsertOutcome outcome) {
        ctx.ledger().erpInserted(outcome);
        if (outcome.kind() == ErpInsertOutcome.Kind.FAILED) {
            ctx.error("Ordine " + (outcome.amazonOrderId() != null ? outcome.amazonOrderId() : "#" + outcome.shopOrderId())
                    + " non inserito nel gestionale: " + outcome.error());
        }
    }

    private void advance(SyncContext ctx, java.util.concurrent.atomic.AtomicInteger done, Integer total, int more) {
        if (done == null || total == null || more == 0) {
            return;
        }
        int before = done.getAndAdd(more);
        int now = before + more;
        ctx.progress(SyncPhase.ERP_INSERT, now, total);
        if (now / 25 != before / 25 || now == total) {
            runs.saveProgress(ctx);
        }
    }

    /** The Mailchimp phase owes these records too: the phase's progress total grows by their number. */
    public void mailchimpOwed(@Body java.util.Collection<?> owed, @ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        if (ctx == null || owed == null) {
            return;
        }
        ctx.ledger().mailchimpOwed(owed.size());
        runs.saveProgress(ctx);
    }

    /** One owed record written (or settled): the phase's progress, saved every 25 and at the last. */
    public void mailchimpWritten(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        if (ctx == null) {
            return;
        }
        SyncRun.Progress now = ctx.ledger().mailchimpWritten();
        if (now.done() % 25 == 0 || now.done() == now.total()) {
            try {
                runs.saveProgress(ctx);
            } catch (RuntimeException e) {
                log.warn("Progress of run {} not saved: {}", ctx.getRunId(), e.getMessage());
            }
        }
    }

    public void amazonOutboundDone(@Body it.ponte.amazon.AmazonOutbound.OutboundReport report,
                                   @ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        ctx.setCount("amazon.outbound.confirmed", report.confirmed());
        ctx.setCount("amazon.outbound.failed", report.failed());
        ctx.setCount("amazon.outbound.in_flight", report.stillPending());
        report.problems().forEach(ctx::error);
        ctx.putReport("amazonOutbound", report);
        runs.saveProgress(ctx);
    }

    /** Between two phases: a run asked to stop goes no further (the phase-failure configuration ends it). */
    public void goOn(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        String interruption = ctx.ledger().interruption();
        if (interruption != null) {
            throw new RunInterruptedException(interruption);
        }
    }

    /** The run stopped before its remaining phases: FAILED with the reason, their work left to the next run. */
    public void runInterrupted(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        String reason = "Sincronizzazione interrotta: " + ctx.ledger().interruption();
        log.warn("Sync run {} interrupted in phase {}: {}", ctx.getRunId(), ctx.getPhase(), ctx.ledger().interruption());
        ctx.ledger().failed(reason);
        ctx.error(reason);
        ctx.putReport("failure", reason);
    }

    /** A phase broke off (not one record: the phase itself); the run notes why and goes on with the next phase. */
    public void phaseFailed(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx, Exchange exchange) {
        Throwable failure = FailurePolicy.failureOf(exchange);
        SyncPhase phase = ctx.getPhase();
        log.warn("Sync run {}: phase {} broke off", ctx.getRunId(), phase, failure);
        ctx.error("Fase " + (phase == null ? "?" : phase.name()) + " interrotta: " + policy.reason(failure));
    }

    /** The run cannot go on (Ponte's own database): it ends FAILED with the reason, and the report alerts. */
    public void runFailed(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx, Exchange exchange) {
        Throwable failure = FailurePolicy.failureOf(exchange);
        log.error("Sync run {} cannot go on", ctx.getRunId(), failure);
        String reason = "Sincronizzazione interrotta: " + policy.reason(failure);
        ctx.ledger().failed(reason);
        ctx.error(reason);
        ctx.putReport("failure", reason);
    }
}
