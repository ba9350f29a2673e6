package it.ponte.sync;

import it.ponte.erp.ErpInsertOutcome;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The bookkeeping steps of the {@code sync-run} route: phases, progress, outcome, and the lock's release. */
@Component("syncProgress")
public class SyncProgress {

    private static final Logger log = LoggerFactory.getLogger(SyncProgress.class);

    private final SyncRuns runs;
    private final SyncLock lock;

    public SyncProgress(SyncRuns runs, SyncLock lock) {
        this.runs = runs;
        this.lock = lock;
    }

    public void enter(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx, @org.apache.camel.Header("syncPhase") String phase) {
        ctx.phase(SyncPhase.valueOf(phase));
        runs.saveProgress(ctx);
    }

    /** How long each phase took, in the run's counts: where the time of a slow run went. */
    public void timePhase(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        ctx.phaseTimed();
    }

    public void erpInserted(@Body ErpInsertOutcome outcome, @ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx,
                            @ExchangeProperty(Exchange.SPLIT_INDEX) Integer index, @ExchangeProperty(Exchange.SPLIT_SIZE) Integer size) {
        ctx.erpInserted(outcome);
        if (outcome.kind() == ErpInsertOutcome.Kind.FAILED) {
            ctx.error("Ordine " + (outcome.amazonOrderId() != null ? outcome.amazonOrderId() : "#" + outcome.shopOrderId())
                    + " non inserito nel gestionale: " + outcome.error());
        }
        if (index != null && size != null) {
            ctx.progress(SyncPhase.ERP_INSERT, index + 1, size);
            if ((index + 1) % 25 == 0 || index + 1 == size) {
                runs.saveProgress(ctx);
            }
        }
    }

    public void amazonPolled(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        ctx.getAmazonReport().counts().forEach((kind, n) -> ctx.setCount("amazon." + kind.name().toLowerCase(), n));
        ctx.getAmazonReport().accountFailures().forEach(f -> ctx.error("Account Amazon " + f.accountId() + ": " + f.message()));
        runs.saveProgress(ctx);
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

    /** Keeps the Mailchimp phase's report with the run; its failures are the run's errors too. */
    public void mailchimpDone(@Body Object report, @ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        ctx.putReport("mailchimp", report);
        if (report instanceof it.ponte.mailchimp.MailchimpReport mailchimp && mailchimp.enabled()) {
            if (mailchimp.isUnreachable()) {
                // the same line its records gave, if any: said once
                ctx.recordFailed(it.ponte.remote.FailureClass.REMOTE_DOWN, it.ponte.mailchimp.MailchimpException.UNREACHABLE);
            } else if (mailchimp.storeProblem() != null) {
                ctx.error("Mailchimp: " + mailchimp.storeProblem());
            }
            if (mailchimp.abortedBecause() != null) {
                ctx.error("Mailchimp: " + mailchimp.abortedBecause());
            }
            mailchimp.entities().forEach((entity, counts) -> {
                ctx.setCount("mailchimp." + entity.name().toLowerCase() + ".created", counts.created());
                ctx.setCount("mailchimp." + entity.name().toLowerCase() + ".updated", counts.updated());
                ctx.setCount("mailchimp." + entity.name().toLowerCase() + ".failed", counts.failedTotal());
            });
        }
        runs.saveProgress(ctx);
    }

    public void failed(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception e) {
        log.error("Sync run {} failed", ctx.getRunId(), e);
        ctx.error("Sincronizzazione interrotta: " + e.getMessage());
        ctx.putReport("failure", e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** Records the outcome and frees the lock, whatever happened before. */
    public void finish(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        try {
            ctx.phaseTimed();
            Object failure = ctx.report("failure");
            SyncOutcome outcome = failure != null ? SyncOutcome.FAILED : ctx.errors().isEmpty() ? SyncOutcome.SUCCEEDED : SyncOutcome.PARTIAL;
            String reason = failure != null ? failure.toString() : ctx.errors().isEmpty() ? null : ctx.errors().size() + " errori: " + ctx.errors().get(0);
            runs.finish(ctx, outcome, reason);
            log.info("Sync run {} finished: {}", ctx.getRunId(), outcome);
        } finally {
            lock.release(ctx.lockToken());
        }
    }
}
